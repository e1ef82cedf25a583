import { describe, expect, it } from '@jest/globals';

import { holdsNul } from './nul-free-input.guard.js';

describe('holdsNul', () => {
  it.each([
    ['a string', 'a\u0000b'],
    ['a nested value', { a: [{ b: 'x\u0000' }] }],
    ['a key', { 'k\u0000': 'v' }],
  ])('finds a NUL in %s', (_, value) => {
    expect(holdsNul(value)).toBe(true);
  });

  it.each([
    ['plain text', 'Zoë 李 <b>'],
    ['numbers and nulls', { a: 1, b: null, c: [true] }],
    ['nothing', undefined],
  ])('finds none in %s', (_, value) => {
    expect(holdsNul(value)).toBe(false);
  });
});
