// Scores the importer against the labelled corpus and the seeded organisations' hand-written files.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  checkPolicyDocument,
  type DraftChannel,
  draftToPolicyDocument,
  importPolicy,
  type ImportResult,
  loadPolicies,
  type PolicyChannel,
  type PolicyDraft,
  PolicyFileError,
  type Regime,
  type RequestType,
} from '#policy';

import { type LabelledPolicy, LABELS } from './corpus.js';

export interface RightScore {
  right: string;
  /** Policies labelled as granting it. */
  labelled: number;
  drafted: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Of the true positives, those where a drafted citation overlaps a span labelled with the right. */
  citationOverlap: number;
}

export interface CorpusScore {
  policies: number;
  imported: number;
  rights: RightScore[];
  /** Policies whose labelled methods name an email address, phone number or form. */
  channelStated: number;
  /** Of those, policies where the draft has an email, phone or web form channel. */
  channelFound: number;
  channelFoundRate: number;
  /** Imported drafts that the seed validator accepts as they stand, published without a reviewer's edit. */
  validUnedited: number;
  /** The validator's problems with the drafts it refused, as "path: message", for reading what to fix next. */
  validatorProblems: string[];
}

interface Scored {
  right: string;
  label: string;
  /** Drafted items of the draft that say the right is granted, as their cited sentences. */
  cited: (draft: PolicyDraft) => string[];
}

/** The corpus labels CCPA / CPRA disclosures: a right drafted under the GDPR is not what they mark. */
const US_REGIMES: readonly Regime[] = ['ccpa', 'us_state', 'none'];

const ofTypes =
  (...types: RequestType[]) =>
  (draft: PolicyDraft): string[] =>
    draft.rights.filter((r) => types.includes(r.type) && US_REGIMES.includes(r.regime)).map((r) => r.citation.quote);

export const SCORED: readonly Scored[] = [
  { right: 'know', label: LABELS.know, cited: ofTypes('access', 'categories') },
  { right: 'know sold/shared', label: LABELS.knowSold, cited: ofTypes('categories', 'access') },
  { right: 'delete', label: LABELS.delete, cited: ofTypes('deletion') },
  { right: 'correct', label: LABELS.correct, cited: ofTypes('correction') },
  { right: 'opt out of sale/sharing', label: LABELS.optOut, cited: ofTypes('opt_out_sale_share') },
  { right: 'limit sensitive use', label: LABELS.limit, cited: ofTypes('limit_sensitive_use') },
  {
    right: 'non-discrimination',
    label: LABELS.nonDiscrimination,
    cited: (d) => d.specialRules.filter((r) => r.kind === 'non_discrimination').map((r) => r.citation.quote),
  },
];

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Two passages overlap when they share a run of six words (or all of the shorter one's, when shorter). */
export function overlaps(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  const n = Math.min(6, x.length, y.length);
  if (n === 0) return false;
  const runs = new Set<string>();
  for (let i = 0; i + n <= x.length; i++) runs.add(x.slice(i, i + n).join(' '));
  for (let i = 0; i + n <= y.length; i++) if (runs.has(y.slice(i, i + n).join(' '))) return true;
  return false;
}

const STATES_A_CHANNEL =
  /@|\b\d{3}[\s.-]\d{3}[\s.-]?\d{4}\b|\(\d{3}\)|\b1[-\s]8\d\d\b|\bform\b|\bportal\b|https?:|www\.|toll[- ]free/i;

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Publishes the draft as it stands, with the choices the console starts from, through the seed validator. */
function validatorProblemsOf(id: string, result: ImportResult): string[] {
  if (!result.ok) return [];
  const slug = id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const document = draftToPolicyDocument(result.draft, {
    slug,
    name: id,
    timeZone: 'America/New_York',
    country: 'US',
  });
  try {
    checkPolicyDocument(document, result.text.content);
    return [];
  } catch (error) {
    if (!(error instanceof PolicyFileError)) throw error;
    return error.problems.map((p) => `${id} ${p.path}: ${p.message}`);
  }
}

export async function scoreCorpus(policies: readonly LabelledPolicy[]): Promise<CorpusScore> {
  const results: { policy: LabelledPolicy; result: ImportResult }[] = [];
  for (const p of policies)
    results.push({ policy: p, result: await importPolicy({ content: p.html, fileName: `${p.id}.html` }) });
  const draftOf = (r: ImportResult): PolicyDraft | undefined => (r.ok ? r.draft : undefined);
  const rights = SCORED.map((scored): RightScore => {
    let labelled = 0;
    let drafted = 0;
    let truePositives = 0;
    let overlapping = 0;
    for (const { policy, result } of results) {
      const draft = draftOf(result);
      const cited = draft ? scored.cited(draft) : [];
      const isLabelled = policy.present.has(scored.label);
      labelled += isLabelled ? 1 : 0;
      drafted += cited.length > 0 ? 1 : 0;
      if (isLabelled && cited.length > 0) {
        truePositives++;
        const spans = policy.spans.get(scored.label) ?? [];
        if (cited.some((quote) => spans.some((span) => overlaps(quote, span)))) overlapping++;
      }
    }
    return {
      right: scored.right,
      labelled,
      drafted,
      truePositives,
      precision: ratio(truePositives, drafted),
      recall: ratio(truePositives, labelled),
      citationOverlap: ratio(overlapping, truePositives),
    };
  });
  const stating = results.filter(
    ({ policy }) =>
      policy.present.has(LABELS.methods) &&
      (policy.spans.get(LABELS.methods) ?? []).some((s) => STATES_A_CHANNEL.test(s)),
  );
  const found = stating.filter(({ result }) =>
    draftOf(result)?.channels.some((c) => c.kind === 'email' || c.kind === 'phone' || c.kind === 'web_form'),
  );
  const problems = results.map(({ policy, result }) => validatorProblemsOf(policy.id, result));
  return {
    policies: policies.length,
    imported: results.filter(({ result }) => result.ok).length,
    rights,
    channelStated: stating.length,
    channelFound: found.length,
    channelFoundRate: ratio(found.length, stating.length),
    validUnedited: results.filter(({ result }, i) => result.ok && problems[i].length === 0).length,
    validatorProblems: problems.flat(),
  };
}

export interface SeedScore {
  slug: string;
  rights: { matched: number; total: number };
  deadlines: { matched: number; total: number };
  channels: { matched: number; total: number };
  /** Drafted rights of a type the hand-written file does not have. */
  extraRights: string[];
}

function normalisedPhone(value: string | undefined): string {
  return (value ?? '').replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
}

const digits = (value: string | undefined): string => (value ?? '').replace(/\D/g, '');
const hostOf = (value: string | undefined): string => /^https?:\/\/(?:www\.)?([^/]+)/i.exec(value ?? '')?.[1] ?? '';

/**
 * A drafted channel reproduces a hand-written one when the kind matches and: an email address is the same, a phone
 * number has the same digits, a form is on the same host, a postal address has the same street number and postcode;
 * STOP, unsubscribe and account settings have no address to compare (the hand-written value only names a screen).
 */
function sameChannel(seed: PolicyChannel, drafted: DraftChannel): boolean {
  if (seed.kind !== drafted.kind) return false;
  switch (seed.kind) {
    case 'email':
      return (drafted.value ?? '').toLowerCase() === (seed.value ?? '').toLowerCase();
    case 'phone':
      return normalisedPhone(drafted.value) === normalisedPhone(seed.value);
    case 'web_form':
      return drafted.value === undefined || hostOf(drafted.value) === hostOf(seed.value);
    case 'post': {
      const numbers = (drafted.value ?? '').match(/\d+/g) ?? [];
      return numbers.length > 0 && numbers.every((n) => digits(seed.value).includes(n));
    }
    default:
      return true;
  }
}

/**
 * How closely importing each seed's policy text reproduces its hand-written file: a right matches when the draft has
 * its type, a deadline when the draft states the same days (or the same promise without days) for its rights' types,
 * a channel when the draft has its kind and value.
 */
export async function scoreSeeds(seedsDir: string, textOf: (slug: string) => Buffer): Promise<SeedScore[]> {
  const scores: SeedScore[] = [];
  for (const { policy } of loadPolicies(seedsDir)) {
    const result = await importPolicy({ content: textOf(policy.slug), fileName: `${policy.slug}.txt` });
    const draft = result.ok ? result.draft : { rights: [], deadlines: [], channels: [], regimes: [], specialRules: [] };
    const draftedTypes = new Set(draft.rights.map((r) => r.type));
    const seedTypes = new Set(policy.rights.map((r) => r.type));
    const deadlineMatched = policy.deadlines.filter((d) => {
      const types = d.rights.map((id) => policy.rights.find((r) => r.id === id)!.type);
      return draft.deadlines.some(
        (dd) =>
          (d.days === undefined ? dd.days === undefined : dd.days === d.days) &&
          types.some((t) => dd.rightTypes.includes(t)),
      );
    });
    const channelMatched = policy.channels.filter((c) => draft.channels.some((dc) => sameChannel(c, dc)));
    scores.push({
      slug: policy.slug,
      rights: { matched: policy.rights.filter((r) => draftedTypes.has(r.type)).length, total: policy.rights.length },
      deadlines: { matched: deadlineMatched.length, total: policy.deadlines.length },
      channels: { matched: channelMatched.length, total: policy.channels.length },
      extraRights: [...draftedTypes].filter((t) => !seedTypes.has(t)),
    });
  }
  return scores;
}

export const SEEDS_DIR = resolve('seeds');

/** The policy text a seeded organisation's file was written from, kept beside it. */
export const seedText = (slug: string): Buffer => readFileSync(join(SEEDS_DIR, 'policies-text', `${slug}.txt`));
