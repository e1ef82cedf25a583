import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import {
  addRight,
  changeChannel,
  changeDeadline,
  DraftEditRefused,
  removeChannel,
  removeRight,
  retypeRight,
} from './draft-edits.js';
import type { PolicyDraft, Sentence } from './import/draft.model.js';

const quote = (text: string, start: number) => ({ quote: text, start, end: start + text.length });
const DRAFT: PolicyDraft = {
  regimes: [{ regime: 'ccpa', citation: quote('California residents have rights.', 0), confidence: 0.9 }],
  rights: [
    { type: 'access', regime: 'ccpa', label: 'Know', citation: quote('You may ask to know.', 34), confidence: 0.95 },
    {
      type: 'correction',
      regime: 'ccpa',
      label: 'Fix',
      citation: quote('You may ask us to delete it.', 55),
      confidence: 0.5,
      reason: 'the sentence says delete',
    },
  ],
  deadlines: [
    {
      rightTypes: ['access'],
      regime: 'ccpa',
      kind: 'legal',
      days: 45,
      wording: 'within 45 days',
      citation: quote('We answer within 45 days.', 84),
      confidence: 0.6,
      reason: 'no right named',
    },
  ],
  channels: [
    { kind: 'web_form', citation: quote('Use our web form.', 135), confidence: 0.5, reason: 'no address found' },
    {
      kind: 'email',
      value: 'privacy@example.com',
      citation: quote('Email privacy@example.com.', 153),
      confidence: 0.9,
    },
  ],
  specialRules: [],
};
const SENTENCE: Sentence = { text: 'You may opt out of sale.', start: 110, end: 134, isHeading: false };

describe('draft edits', () => {
  it('adds a right citing the chosen sentence, with full confidence', () => {
    const edited = addRight(DRAFT, { type: 'opt_out_sale_share', regime: 'ccpa', label: 'Opt out' }, SENTENCE);
    expect(edited.rights).toHaveLength(3);
    expect(edited.rights[2]).toEqual({
      type: 'opt_out_sale_share',
      regime: 'ccpa',
      label: 'Opt out',
      citation: { quote: SENTENCE.text, start: 110, end: 134 },
      confidence: 1,
    });
    expect(DRAFT.rights).toHaveLength(2);
  });

  it('retypes a right, keeping its citation and dropping the doubt', () => {
    const edited = retypeRight(DRAFT, 1, { type: 'deletion', regime: 'ccpa', label: 'Delete my data' });
    expect(edited.rights[1]).toEqual({
      type: 'deletion',
      regime: 'ccpa',
      label: 'Delete my data',
      citation: DRAFT.rights[1].citation,
      confidence: 1,
    });
    expect(edited.rights[0]).toBe(DRAFT.rights[0]);
  });

  it('removes exactly the right named', () => {
    expect(removeRight(DRAFT, 0).rights).toEqual([DRAFT.rights[1]]);
  });

  it('changes a deadline to a stated period, or back to the law', () => {
    expect(changeDeadline(DRAFT, 0, { kind: 'internal_target', days: 30 }).deadlines[0]).toMatchObject({
      kind: 'internal_target',
      days: 30,
      confidence: 1,
    });
    const legal = changeDeadline(DRAFT, 0, { kind: 'legal' }).deadlines[0];
    expect('days' in legal || 'reason' in legal).toBe(false);
    expect(legal.citation).toEqual(DRAFT.deadlines[0].citation);
  });

  it('gives a channel the address the reviewer reads in its sentence, or removes it', () => {
    expect(changeChannel(DRAFT, 0, 'https://example.com/privacy-request').channels[0]).toEqual({
      kind: 'web_form',
      value: 'https://example.com/privacy-request',
      citation: DRAFT.channels[0].citation,
      confidence: 1,
    });
    expect('value' in changeChannel(DRAFT, 1, '').channels[1]).toBe(false);
    expect(removeChannel(DRAFT, 0).channels).toEqual([DRAFT.channels[1]]);
  });

  it('refuses an index the draft does not hold, and changes nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 2, max: 1000 }),
          fc.integer({ max: -1 }),
          fc.double().filter((x) => !Number.isInteger(x)),
        ),
        (index) => {
          expect(() => removeRight(DRAFT, index)).toThrow(DraftEditRefused);
          expect(() => retypeRight(DRAFT, index, { type: 'access', regime: 'none', label: 'x' })).toThrow(
            DraftEditRefused,
          );
          expect(() => changeDeadline(DRAFT, index, { kind: 'legal' })).toThrow(DraftEditRefused);
          expect(() => removeChannel(DRAFT, index)).toThrow(DraftEditRefused);
          expect(() => changeChannel(DRAFT, index, 'x')).toThrow(DraftEditRefused);
        },
      ),
    );
    expect(DRAFT.rights).toHaveLength(2);
  });
});
