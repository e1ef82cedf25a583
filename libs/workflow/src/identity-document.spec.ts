import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { identityDocumentReceived, type RequestFacts, verifyRequest } from './request-state.machine.js';
import { publicHolidayCalendar } from './working-calendar.js';

const ENG = publicHolidayCalendar('GB', 'ENG');
const t = (iso: string) => new Date(iso);

// UK GDPR access received Fri 1 May 2026 in London: due Mon 1 Jun from receipt.
const RECEIVED = t('2026-05-01T09:00:00Z');
const RECEIPT_DUE = t('2026-06-01T22:59:59.999Z');
const LINK_OPENED = t('2026-05-02T09:00:00Z');
// The document arrives Thu 14 May: 14 Jun is a Sunday, so due Mon 15 Jun.
const DOCUMENT = t('2026-05-14T09:00:00Z');
const DOCUMENT_DUE = t('2026-06-15T22:59:59.999Z');

function documentsRequest(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    status: 'verified',
    regime: 'uk_gdpr',
    requestType: 'access',
    receivedAt: RECEIVED,
    clockStartedAt: RECEIVED,
    verifiedAt: LINK_OPENED,
    extended: false,
    pausedAt: null,
    pausedDays: 0,
    timeZone: 'Europe/London',
    calendar: ENG,
    verificationRequired: 'documents',
    ...over,
  };
}

describe('identity documents and the GDPR clock', () => {
  it('does not start the month on the email link when the right asks for a document', () => {
    const result = verifyRequest(documentsRequest({ status: 'unverified', verifiedAt: null }), LINK_OPENED);
    expect(result).toEqual({
      ok: true,
      status: 'verified',
      changes: { verifiedAt: LINK_OPENED },
      events: [{ kind: 'audit', action: 'request.verified' }],
    });
  });

  it('still starts the month on the link for a right matched against the records', () => {
    const result = verifyRequest(
      documentsRequest({ status: 'unverified', verifiedAt: null, verificationRequired: 'reasonable' }),
      DOCUMENT,
    );
    expect(result.ok && result.changes).toEqual({
      verifiedAt: DOCUMENT,
      clockStartedAt: DOCUMENT,
      dueAt: DOCUMENT_DUE,
    });
  });

  it('starts the month when the document arrives', () => {
    expect(identityDocumentReceived(documentsRequest(), DOCUMENT)).toEqual({
      ok: true,
      status: 'verified',
      changes: { clockStartedAt: DOCUMENT, dueAt: DOCUMENT_DUE },
      events: [{ kind: 'audit', action: 'request.identity_document_received' }],
    });
  });

  it('moves an extended request to its extended date counted from the document', () => {
    const result = identityDocumentReceived(documentsRequest({ extended: true }), DOCUMENT);
    expect(result.ok && result.changes.dueAt).toEqual(result.ok && result.changes.extendedDueAt);
    expect(result.ok && result.changes.dueAt!.getTime()).toBeGreaterThan(DOCUMENT_DUE.getTime());
  });

  it('leaves the month where the first document started it when a replacement arrives', () => {
    const replaced = identityDocumentReceived(
      documentsRequest({ clockStartedAt: DOCUMENT }),
      t('2026-05-20T09:00:00Z'),
    );
    expect(replaced).toEqual({
      ok: true,
      status: 'verified',
      changes: {},
      events: [{ kind: 'audit', action: 'request.identity_document_received' }],
    });
  });

  it('records the document without moving a CCPA deadline, which runs from receipt', () => {
    const result = identityDocumentReceived(
      documentsRequest({ regime: 'ccpa', timeZone: 'America/Los_Angeles' }),
      DOCUMENT,
    );
    expect(result.ok && result.changes).toEqual({});
  });

  it('keeps the status the request had', () => {
    const result = identityDocumentReceived(
      documentsRequest({ status: 'awaiting_requester', pausedAt: DOCUMENT }),
      DOCUMENT,
    );
    expect(result.ok && result.status).toBe('awaiting_requester');
  });

  it.each([
    ['a closed request', documentsRequest({ status: 'fulfilled' }), DOCUMENT, 'already_closed'],
    [
      'a right that asks for no document',
      documentsRequest({ verificationRequired: 'reasonable' }),
      DOCUMENT,
      'no_document_asked',
    ],
    [
      'a request not confirmed by email',
      documentsRequest({ status: 'unverified', verifiedAt: null }),
      DOCUMENT,
      'not_verified',
    ],
    ['a document before the link was opened', documentsRequest(), t('2026-05-01T12:00:00Z'), 'out_of_order'],
    ['a mail not yet classified', documentsRequest({ status: 'received_by_email' }), DOCUMENT, 'not_classified'],
  ] as const)('refuses %s', (_why, facts, at, code) => {
    const result = identityDocumentReceived(facts, at);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('never sets a due date before the document arrived plus a month from receipt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 60 }), (minutes) => {
        const at = new Date(LINK_OPENED.getTime() + minutes * 60_000);
        const result = identityDocumentReceived(documentsRequest(), at);
        if (!result.ok) return false;
        return result.changes.clockStartedAt === at && result.changes.dueAt!.getTime() >= RECEIPT_DUE.getTime();
      }),
    );
  });
});
