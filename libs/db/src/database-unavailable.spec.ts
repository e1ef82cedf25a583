import { describe, expect, it } from '@jest/globals';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

import { isDatabaseUnavailable } from './database-unavailable.js';

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    [
      'every address refused (AggregateError)',
      Object.assign(new AggregateError([pgError('ECONNREFUSED')]), { code: undefined }),
    ],
    ['the server shutting down (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['the server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', pgError('08006', 'connection failure')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a transaction whose connection the server dropped', new QueryRunnerAlreadyReleasedError()],
    ['a manager whose connection the server dropped', new QueryRunnerProviderAlreadyReleasedError()],
    [
      'a TypeORM error wrapping one of them',
      Object.assign(new Error('Query failed'), { driverError: pgError('57P01') }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', pgError('42601')],
    ['a plain error', new Error('boom')],
    ['a non-error', 'ECONNREFUSED'],
    ['null', null],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
