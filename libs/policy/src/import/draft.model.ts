// What the importer drafts from a policy text, before a reviewer edits and publishes it.
// Every item cites the sentence it comes from, with offsets into the extracted text so a page can highlight it.

import type { ChannelKind, Regime, RequestType, SpecialRuleKind } from '../policy.model.js';

/** One sentence of the extracted text; start/end are character offsets into ImportedText.content. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** The nearest heading above the sentence, if any. */
  heading?: string;
  /** The sentence is itself a heading. */
  isHeading: boolean;
}

export interface ImportedText {
  /** The policy's main text, one block per line; offsets point into it. */
  content: string;
  sentences: Sentence[];
}

/** The exact sentence an item is drafted from. */
export interface DraftCitation {
  quote: string;
  start: number;
  end: number;
}

/** 0..1; below DRAFT_SURE the item says why in reason, for the reviewer. */
export interface Drafted {
  citation: DraftCitation;
  confidence: number;
  reason?: string;
}

/** Items at or above this confidence carry no reason. */
export const DRAFT_SURE = 0.8;

export interface DraftRegime extends Drafted {
  regime: Exclude<Regime, 'none'>;
}

export interface DraftLimit {
  count: number;
  perMonths: number;
  citation: DraftCitation;
}

export interface DraftRight extends Drafted {
  type: RequestType;
  /** The law the right is granted under; 'none' when it is the policy's own promise. */
  regime: Regime;
  label: string;
  /** A frequency limit the policy states for this right ("twice in a 12-month period"). */
  limit?: DraftLimit;
}

export interface DraftDeadline extends Drafted {
  /** The right types the statement governs (all the regime's rights when it names none). */
  rightTypes: RequestType[];
  regime: Regime;
  /** legal: the law's period as stated (45 days, one month); internal_target: a promise shorter than the law. */
  kind: 'legal' | 'internal_target';
  days?: number;
  extensionDays?: number;
  /** The words of the promise as written, e.g. "within 45 days", "as soon as reasonably practicable". */
  wording: string;
}

export interface DraftChannel extends Drafted {
  kind: ChannelKind;
  /** Address, number or URL where the kind has one. */
  value?: string;
}

export const DRAFT_RULE_KINDS = [
  'children',
  'sender_email_only',
  'agent_registration_required',
  'processor_redirect',
  'non_discrimination',
  'free_of_charge',
  'identity_verification',
] as const satisfies readonly (SpecialRuleKind | 'identity_verification')[];
/** The policy model's special rules, plus identity_verification, which sets the rights' verification level. */
export type DraftRuleKind = (typeof DRAFT_RULE_KINDS)[number];

export interface DraftSpecialRule extends Drafted {
  kind: DraftRuleKind;
  summary: string;
}

export interface PolicyDraft {
  regimes: DraftRegime[];
  rights: DraftRight[];
  deadlines: DraftDeadline[];
  channels: DraftChannel[];
  specialRules: DraftSpecialRule[];
}

export interface ImportInput {
  content: string | Uint8Array;
  fileName?: string;
  contentType?: string;
}

export type ImportResult = { ok: true; draft: PolicyDraft; text: ImportedText } | { ok: false; reason: string };

/** What the reviewer chooses beside the draft when publishing. */
export interface PublishChoices {
  slug: string;
  name: string;
  timeZone: string;
  country: 'US' | 'GB';
  /** Names the policy version; defaults to "<slug>-imported". */
  version?: string;
  /** The policy text's path as stored, relative to the seeds folder; defaults to "policies-text/<slug>.txt". */
  sourceFile?: string;
}

export interface RightChange {
  before: DraftRight;
  after: DraftRight;
}

export interface DeadlineChange {
  /** Absent when the deadline is new. */
  before?: DraftDeadline;
  /** Absent when the deadline was dropped. */
  after?: DraftDeadline;
}

/** What changed between two drafts of the same organisation's policy; rights are matched by type and regime. */
export interface DraftDiff {
  rightsAdded: DraftRight[];
  rightsRemoved: DraftRight[];
  /** Same type and regime, different cited sentence. */
  rightsReworded: RightChange[];
  deadlinesChanged: DeadlineChange[];
  channelsAdded: DraftChannel[];
  channelsRemoved: DraftChannel[];
}
