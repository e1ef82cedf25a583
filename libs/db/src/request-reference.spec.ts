import { describe, expect, it } from '@jest/globals';

import { newRequestReference, REQUEST_REFERENCE_PATTERN } from './request-reference.js';

describe('newRequestReference', () => {
  it('has the RD-XXXX-XXXX shape with unambiguous characters', () => {
    for (let i = 0; i < 1000; i++) {
      const reference = newRequestReference();
      expect(reference).toMatch(REQUEST_REFERENCE_PATTERN);
      expect(reference.slice(3)).not.toMatch(/[01ILOU]/);
    }
  });

  it('rarely repeats', () => {
    const seen = new Set(Array.from({ length: 10_000 }, newRequestReference));
    expect(seen.size).toBe(10_000);
  });
});
