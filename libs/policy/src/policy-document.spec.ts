import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';

import { loadPolicies } from './policy.loader.js';
import { checkPolicyDocument } from './policy-document.js';
import { PolicyFileError } from './policy-file-error.js';

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
const [seeded] = loadPolicies(seedsDir).filter((l) => l.policy.slug === 'prontotrak');
const text = readFileSync(join(seedsDir, 'policies-text/prontotrak.txt'), 'utf8');

describe('checkPolicyDocument', () => {
  it('accepts a sound policy as the seed validator reads it, fingerprinting its YAML and text', () => {
    const checked = checkPolicyDocument(seeded.policy, text);
    expect(checked.policy).toEqual(seeded.policy);
    expect(checked.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkPolicyDocument(seeded.policy, `${text} `).contentHash).not.toBe(checked.contentHash);
  });

  it('refuses a citation the text does not hold, naming the field', () => {
    const right = { ...seeded.policy.rights[0], citation: { quote: 'We sell nothing, ever.' } };
    const broken = { ...seeded.policy, rights: [right, ...seeded.policy.rights.slice(1)] };
    expect(() => checkPolicyDocument(broken, text)).toThrow(PolicyFileError);
    expect(() => checkPolicyDocument(broken, text)).toThrow(/rights\[0\]\.citation\.quote: not found/);
  });

  it('refuses a document the model does not allow, as it would a seed file', () => {
    expect(() => checkPolicyDocument({ ...seeded.policy, timeZone: 'Mars/Olympus' }, text)).toThrow(/timeZone/);
  });
});
