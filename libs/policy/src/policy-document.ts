import { createHash } from 'node:crypto';

import { stringify } from 'yaml';

import type { OrganisationPolicy } from './policy.model.js';
import { parsePolicy } from './policy.validator.js';

/** A policy built at runtime (an import an operator reviewed), in the form a seed file holds, with its text. */
export interface CheckedPolicy {
  policy: OrganisationPolicy;
  /** The structured policy as YAML: what the seed validator read, and what `rightsdesk policy publish --out` writes. */
  yaml: string;
  /** sha256 hex of the YAML followed by the text, as loadPolicies fingerprints a seed file. */
  contentHash: string;
}

/**
 * Puts a structured policy through the seed files' own validator, against the text it cites, so a published import
 * obeys every rule a hand-written file does. Throws PolicyFileError naming each problem.
 */
export function checkPolicyDocument(document: OrganisationPolicy, policyText: string): CheckedPolicy {
  const yaml = stringify(document);
  const policy = parsePolicy(`${document.slug}.policy.yaml`, yaml, policyText);
  const contentHash = createHash('sha256').update(yaml).update(policyText).digest('hex');
  return { policy, yaml, contentHash };
}
