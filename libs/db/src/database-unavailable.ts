import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * Whether an error means PostgreSQL could not be reached or went away (down, restarting, refusing connections),
 * as opposed to a query that failed: those answer 503 and the request may simply be tried again.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
/** SQLSTATE class 08 (connection exception) and 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now). */
const UNAVAILABLE_STATE = /^(08...|57P0[123])$/;
/** node-postgres reports a connection lost mid-query, and a pool connection that never came, by message only. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  // TypeORM releases a transaction's connection when the server drops it; the transaction's next query says so.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError)
    return true;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATE.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  // TypeORM wraps the driver's error; Node wraps the socket's in AggregateError when every address refused.
  const inner = [driverError, cause, ...((error as { errors?: unknown[] }).errors ?? [])];
  return inner.some((e) => isDatabaseUnavailable(e, depth + 1));
}
