import { describe, expect, it } from '@jest/globals';

import { containsSensitiveNumber } from './sensitive-numbers.js';

describe('containsSensitiveNumber', () => {
  it.each([
    ['my SSN is 123-45-6789', true],
    ['ssn 123456789', true],
    ['card 4111 1111 1111 1111', true],
    ['card 4111-1111-1111-1111', true],
    ['5500005555555559 please', true],
  ])('flags %s', (text, expected) => expect(containsSensitiveNumber(text)).toBe(expected));

  it.each([
    ['order 12345 from 2024-03-01'],
    ['call me on +1 415 555 0100'],
    ['4111 1111 1111 1112 is not a valid card'],
    ['invalid area 000-12-3456'],
    ['reference RD-7K3F-92QX'],
  ])('lets %s through', (text) => expect(containsSensitiveNumber(text)).toBe(false));
});
