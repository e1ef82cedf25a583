import { describe, expect, it } from '@jest/globals';

import { isPlainMailAddress } from './mail-address.js';

describe('isPlainMailAddress', () => {
  it('accepts addresses as people type them', () => {
    for (const address of [
      'ada@example.org',
      'ada.lovelace+dsar@mail.example.co.uk',
      "o'brien@example.ie",
      'zoë@exämple.de',
      'a_b-c@x-y.example',
    ]) {
      expect({ address, ok: isPlainMailAddress(address) }).toEqual({ address, ok: true });
    }
  });

  it('refuses anything that could carry a header or a second address', () => {
    for (const address of [
      '"a\r\nBcc: victim@example.org"@example.org',
      '"<x>"@example.org',
      'a<b>@example.org',
      'ada@example.org>',
      '"ada lovelace"@example.org',
      'ada@example.org, eve@example.org',
      'ada@example.org\r\nBcc: eve@example.org',
      'ada\n@example.org',
      'ada@[127.0.0.1]',
      'ada@localhost',
      '.ada@example.org',
      'ada..l@example.org',
      '@example.org',
    ]) {
      expect({ address, ok: isPlainMailAddress(address) }).toEqual({ address, ok: false });
    }
  });
});
