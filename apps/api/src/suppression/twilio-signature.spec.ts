import { describe, expect, it } from '@jest/globals';

import { twilioSignature, validTwilioSignature } from './twilio-signature.js';

// Twilio's documented example: this URL, these parameters and auth token 12345 sign to 0/KCTR6DLpKmkAf8muzZqo1nDgQ=.
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};

describe('Twilio webhook signatures', () => {
  it("match Twilio's documented example", () => {
    expect(twilioSignature('12345', URL, PARAMS)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('do not depend on the order the parameters arrive in', () => {
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(twilioSignature('12345', URL, reversed)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('accept the right header and refuse a missing, altered or differently keyed one', () => {
    expect(validTwilioSignature('12345', URL, PARAMS, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
    expect(validTwilioSignature('12345', URL, PARAMS, undefined)).toBe(false);
    expect(validTwilioSignature('12345', URL, PARAMS, '')).toBe(false);
    expect(validTwilioSignature('12345', URL, PARAMS, '1/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
    expect(validTwilioSignature('54321', URL, PARAMS, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
    expect(validTwilioSignature('12345', `${URL}&x=3`, PARAMS, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
    expect(validTwilioSignature('12345', URL, { ...PARAMS, Digits: '1235' }, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(
      false,
    );
  });

  it('sign every value of a repeated parameter', () => {
    expect(twilioSignature('k', 'https://x/y', { A: ['2', '1'] })).toBe(
      twilioSignature('k', 'https://x/y', { A: ['1', '2'] }),
    );
    expect(twilioSignature('k', 'https://x/y', { A: ['1', '2'] })).not.toBe(
      twilioSignature('k', 'https://x/y', { A: '1' }),
    );
  });
});
