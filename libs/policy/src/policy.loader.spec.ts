import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';

import { loadPolicies } from './policy.loader.js';
import { PolicyFileError } from './policy-file-error.js';

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));

/** A seeds folder holding a copy of the prontotrak seed and its text, to change without touching the real ones. */
function copyOfProntoTrak(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-loader-'));
  mkdirSync(join(dir, 'policies-text'));
  copyFileSync(join(seedsDir, 'prontotrak.policy.yaml'), join(dir, 'prontotrak.policy.yaml'));
  copyFileSync(join(seedsDir, 'policies-text/prontotrak.txt'), join(dir, 'policies-text/prontotrak.txt'));
  return dir;
}

function hashOf(dir: string): string {
  const [loaded] = loadPolicies(dir);
  return loaded!.contentHash;
}

describe('loadPolicies', () => {
  it('loads and validates all five seed files, sorted by slug', () => {
    const loaded = loadPolicies(seedsDir);
    expect(loaded.map((l) => l.policy.slug)).toEqual([
      'officertrak',
      'prontotrak',
      'securus-software',
      'securus-technologies',
      'west-schoolmessenger',
    ]);
    for (const { policy, fileName, contentHash } of loaded) {
      expect(basename(fileName)).toBe(`${policy.slug}.policy.yaml`);
      expect(policy.source.file).toBe(`policies-text/${policy.slug}.txt`);
      expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('hashes the YAML bytes followed by the policy text bytes', () => {
    const dir = copyOfProntoTrak();
    try {
      const expected = createHash('sha256')
        .update(readFileSync(join(dir, 'prontotrak.policy.yaml')))
        .update(readFileSync(join(dir, 'policies-text/prontotrak.txt')))
        .digest('hex');
      expect(hashOf(dir)).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('keeps the content hash stable, and changes it when either file changes', () => {
    const dir = copyOfProntoTrak();
    const yamlFile = join(dir, 'prontotrak.policy.yaml');
    const textFile = join(dir, 'policies-text/prontotrak.txt');
    const yaml = readFileSync(yamlFile);
    const text = readFileSync(textFile);
    try {
      const original = hashOf(dir);
      expect(hashOf(dir)).toBe(original);

      appendFileSync(textFile, '\n');
      const textChanged = hashOf(dir);
      expect(textChanged).not.toBe(original);
      writeFileSync(textFile, text);

      appendFileSync(yamlFile, '# reviewed\n');
      const yamlChanged = hashOf(dir);
      expect(yamlChanged).not.toBe(original);
      expect(yamlChanged).not.toBe(textChanged);
      writeFileSync(yamlFile, yaml);

      expect(hashOf(dir)).toBe(original);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('rejects two files with the same slug, naming both', () => {
    const dir = copyOfProntoTrak();
    try {
      copyFileSync(join(dir, 'prontotrak.policy.yaml'), join(dir, 'pronto-copy.policy.yaml'));
      expect(() => loadPolicies(dir)).toThrow(PolicyFileError);
      expect(() => loadPolicies(dir)).toThrow(
        `${join(dir, 'prontotrak.policy.yaml')}: slug: "prontotrak" is already used by ${join(dir, 'pronto-copy.policy.yaml')}`,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('names the file and source.file when the policy text cannot be read', () => {
    const dir = copyOfProntoTrak();
    try {
      rmSync(join(dir, 'policies-text/prontotrak.txt'));
      expect(() => loadPolicies(dir)).toThrow(
        `${join(dir, 'prontotrak.policy.yaml')}: source.file: cannot read "policies-text/prontotrak.txt"`,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reports every problem of a file whose source.file is unusable, without reading anything', () => {
    const dir = copyOfProntoTrak();
    const yamlFile = join(dir, 'prontotrak.policy.yaml');
    try {
      writeFileSync(
        yamlFile,
        readFileSync(yamlFile, 'utf8')
          .replace('file: policies-text/prontotrak.txt', 'file: ../outside.txt')
          .replace('slug: prontotrak', 'slug: Pronto'),
      );
      expect(() => loadPolicies(dir)).toThrow(
        /source\.file: "\.\.\/outside\.txt" must be a relative path inside the seeds folder/,
      );
      expect(() => loadPolicies(dir)).toThrow(/slug: "Pronto" is not a slug/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('ignores files that are not *.policy.yaml', () => {
    const dir = copyOfProntoTrak();
    try {
      writeFileSync(join(dir, 'notes.yaml'), 'not: a policy\n');
      expect(loadPolicies(dir).map((l) => l.policy.slug)).toEqual(['prontotrak']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
