// A reviewer's edits to an imported draft. Each returns a new draft and leaves the given one as it was; an item a
// reviewer sets is certain, so it carries full confidence and no reason.

import type { DraftChannel, DraftDeadline, DraftRight, PolicyDraft, Sentence } from './import/draft.model.js';
import type { Regime, RequestType } from './policy.model.js';

export interface RightChoice {
  type: RequestType;
  regime: Regime;
  label: string;
}

/** An edit that names an item the draft does not hold (a stale page after another edit). */
export class DraftEditRefused extends Error {}

function itemAt<T>(items: readonly T[], index: number, what: string): T {
  const item = Number.isInteger(index) ? items[index] : undefined;
  if (item === undefined) throw new DraftEditRefused(`There is no ${what} ${index + 1} in this draft any more.`);
  return item;
}

/** Adds a right citing one sentence of the text: a right is never drafted without the words that grant it. */
export function addRight(draft: PolicyDraft, choice: RightChoice, sentence: Sentence): PolicyDraft {
  const right: DraftRight = {
    ...choice,
    citation: { quote: sentence.text, start: sentence.start, end: sentence.end },
    confidence: 1,
  };
  return { ...draft, rights: [...draft.rights, right] };
}

export function removeRight(draft: PolicyDraft, index: number): PolicyDraft {
  itemAt(draft.rights, index, 'right');
  return { ...draft, rights: draft.rights.filter((_, i) => i !== index) };
}

/** Changes a right's type, law and wording; its citation stays, since the sentence is the same. */
export function retypeRight(draft: PolicyDraft, index: number, choice: RightChoice): PolicyDraft {
  const { reason: _, ...right } = itemAt(draft.rights, index, 'right');
  const edited: DraftRight = { ...right, ...choice, confidence: 1 };
  return { ...draft, rights: draft.rights.map((r, i) => (i === index ? edited : r)) };
}

export interface DeadlineChoice {
  kind: DraftDeadline['kind'];
  /** Absent: the law's own period for the deadline's regime. */
  days?: number;
}

export function changeDeadline(draft: PolicyDraft, index: number, choice: DeadlineChoice): PolicyDraft {
  const { reason: _, days: __, ...deadline } = itemAt(draft.deadlines, index, 'deadline');
  const edited: DraftDeadline = {
    ...deadline,
    kind: choice.kind,
    ...(choice.days === undefined ? {} : { days: choice.days }),
    confidence: 1,
  };
  return { ...draft, deadlines: draft.deadlines.map((d, i) => (i === index ? edited : d)) };
}

/** Drops a channel the policy does not really offer (a sentence about a form with no address, say). */
export function removeChannel(draft: PolicyDraft, index: number): PolicyDraft {
  itemAt(draft.channels, index, 'channel');
  return { ...draft, channels: draft.channels.filter((_, i) => i !== index) };
}

/** Sets a channel's address, number or URL as the reviewer reads it in its sentence; empty leaves it without one. */
export function changeChannel(draft: PolicyDraft, index: number, value: string): PolicyDraft {
  const { reason: _, value: __, ...channel } = itemAt(draft.channels, index, 'channel');
  const edited: DraftChannel = { ...channel, ...(value === '' ? {} : { value }), confidence: 1 };
  return { ...draft, channels: draft.channels.map((c, i) => (i === index ? edited : c)) };
}
