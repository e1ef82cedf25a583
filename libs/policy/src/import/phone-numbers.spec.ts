import { describe, expect, it } from '@jest/globals';

import { internationalPhone } from './phone-numbers.js';

describe('internationalPhone', () => {
  it.each([
    ['(833) 555-0150', 'US', '+1 833 555 0150'],
    ['+1.973.555.0123', 'US', '+1 973 555 0123'],
    ['1-800-555-0100', 'US', '+1 800 555 0100'],
    ['800.555.0188', 'US', '+1 800 555 0188'],
    ['(866-555-0191', 'US', '+1 866 555 0191'],
    ['1-877-GOT-HELP', 'US', '+1 877 468 4357'],
    ['020 7946 0018', 'GB', '+44 20 7946 0018'],
    ['+44 (0)20 7946 0018', 'US', '+44 20 7946 0018'],
  ] as const)('reads %s in %s as %s', (written, region, international) => {
    expect(internationalPhone(written, region)).toBe(international);
  });

  it('gives nothing for what is no number there', () => {
    expect(internationalPhone('12345')).toBeUndefined();
    expect(internationalPhone('020 7946 0018', 'US')).toBeUndefined();
  });
});
