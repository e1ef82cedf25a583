import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LoadedPolicy } from './policy.model.js';
import { parsePolicy, sourceFileOf } from './policy.validator.js';
import { PolicyFileError } from './policy-file-error.js';

const SEED_SUFFIX = '.policy.yaml';

function readPolicyText(fileName: string, seedsDir: string, sourceFile: string): Buffer {
  try {
    return readFileSync(join(seedsDir, sourceFile));
  } catch (error) {
    throw new PolicyFileError(fileName, [
      { path: 'source.file', message: `cannot read "${sourceFile}": ${(error as Error).message}` },
    ]);
  }
}

function loadPolicyFile(seedsDir: string, name: string): LoadedPolicy {
  const fileName = join(seedsDir, name);
  const yamlBytes = readFileSync(fileName);
  const yamlText = yamlBytes.toString('utf8');
  const sourceFile = sourceFileOf(yamlText);
  // Without a usable source.file there is no text to read; parsePolicy then rejects the file, naming every problem.
  const textBytes = sourceFile === undefined ? Buffer.alloc(0) : readPolicyText(fileName, seedsDir, sourceFile);
  const policy = parsePolicy(fileName, yamlText, textBytes.toString('utf8'));
  const contentHash = createHash('sha256').update(yamlBytes).update(textBytes).digest('hex');
  return { policy, fileName, contentHash };
}

/** Loads and validates every *.policy.yaml in seedsDir with the policy text it cites, sorted by slug. */
export function loadPolicies(seedsDir: string): LoadedPolicy[] {
  const loaded = readdirSync(seedsDir)
    .filter((name) => name.endsWith(SEED_SUFFIX))
    .sort()
    .map((name) => loadPolicyFile(seedsDir, name));
  const fileBySlug = new Map<string, string>();
  for (const { policy, fileName } of loaded) {
    const first = fileBySlug.get(policy.slug);
    if (first !== undefined)
      throw new PolicyFileError(fileName, [{ path: 'slug', message: `"${policy.slug}" is already used by ${first}` }]);
    fileBySlug.set(policy.slug, fileName);
  }
  return loaded.sort((a, b) => (a.policy.slug < b.policy.slug ? -1 : a.policy.slug > b.policy.slug ? 1 : 0));
}
