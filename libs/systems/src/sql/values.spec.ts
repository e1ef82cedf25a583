import { describe, expect, it } from '@jest/globals';

import { jsonSafe, keyedHash, keyIdentity } from './values.js';

describe('values in an access package', () => {
  it('writes what JSON cannot hold as text: dates as ISO, big numbers as text, bytes as base64', () => {
    expect(
      jsonSafe({
        at: new Date('2024-03-01T10:00:00.000Z'),
        big: 9007199254740993n,
        cents: '12.50',
        bytes: Buffer.from([1, 2, 255]),
        nothing: null,
        missing: undefined,
        ratio: Number.NaN,
        nested: { tags: ['a', new Date('2020-01-01T00:00:00.000Z')] },
        flag: true,
      }),
    ).toEqual({
      at: '2024-03-01T10:00:00.000Z',
      big: '9007199254740993',
      cents: '12.50',
      bytes: 'AQL/',
      nothing: null,
      missing: null,
      ratio: 'NaN',
      nested: { tags: ['a', '2020-01-01T00:00:00.000Z'] },
      flag: true,
    });
  });

  it('gives one spelling per key value, telling a number from the same digits as text', () => {
    expect(keyIdentity(1)).toBe(keyIdentity(1));
    expect(keyIdentity(1)).not.toBe(keyIdentity('1'));
    expect(keyIdentity(Buffer.from('ab'))).toBe(keyIdentity(Buffer.from('ab')));
  });
});

describe('the keyed hash erasure writes', () => {
  it('is HMAC-SHA256 in hex (RFC 4231, test case 2)', () => {
    expect(keyedHash('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
