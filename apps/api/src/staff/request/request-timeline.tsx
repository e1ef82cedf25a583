import type { RequestNoteKind } from '#db';
import { codeWords, DENIAL_REASON_TEXT, formatLocalDate, formatLocalDateTime, type SafeHtml } from '#mail';
import type { DenialReason, WithdrawalRoute } from '#workflow';

import type { RequestPageModel, TimelineItem } from './request-page.service.js';

const ACTION_TEXT: Record<string, string> = {
  'request.received': 'Request received',
  'request.verified': 'Email address confirmed',
  'verification.matched': 'Identity matched against the records',
  'verification.overridden': 'Identity verification decided by staff',
  'request.identity_document_received': 'Identity document received',
  'identity_document.viewed': 'Identity document viewed',
  'identity_document.deleted': 'Identity document deleted',
  'request.work_started': 'Work started',
  'request.awaiting_requester': 'Question sent to the requester',
  'request.requester_replied': 'The requester replied',
  'request.extended': 'Deadline extended',
  'request.fulfilled': 'Fulfilled',
  'request.partially_fulfilled': 'Partly fulfilled',
  'request.denied': 'Denied',
  'request.withdrawn': 'Withdrawn',
  'request.redirected': 'Redirected to the controller',
  'request.verification_expired': 'Closed: email address not confirmed in time',
  'request.agent_authority_refused': 'Closed: the consumer said they did not authorise the agent',
  'request.reopened': 'Reopened',
  'request.classified': 'Classified',
  'request.dismissed': 'Set aside: not a request',
  'request.assigned': 'Assigned',
  'request.unassigned': 'Unassigned',
  'request.note_added': 'Internal note',
  'mail.sent': 'Mail sent to the requester',
  'response.downloaded': 'Response file downloaded',
  'mail.failed': 'Mail failed for good',
  'mail.uncertain': 'Mail may have been sent (not sent again)',
  'job.retried': 'Failed job retried',
  'alert.resolved': 'Alert resolved',
  'request.purged': "Requester's personal data removed (retention)",
  'drp.status_sent': 'Status sent to the authorised agent',
  'drp.status_failed': 'Status update to the authorised agent failed for good',
  'fulfilment.planned': 'Connected systems asked',
  'fulfilment.system_done': 'A system finished',
  'fulfilment.system_failed': 'A system failed',
  'fulfilment.system_awaiting_vendor': 'A system will answer later',
  'fulfilment.system_awaiting_staff': 'A manual system waits for staff',
  'fulfilment.system_retried': 'A system retried',
  'fulfilment.system_closed': 'A system closed without being done',
  'fulfilment.checklist_ticked': 'Checklist item done',
  'fulfilment.erasure_approved': 'Erasure approved',
  'fulfilment.vendor_confirmed': 'The service provider confirmed',
  'fulfilment.vendor_escalated': 'The service provider has not confirmed: escalated',
};

// Mails to a service provider go through the same ledger as the requester's; the label says whom each went to.
const VENDOR_TEMPLATES = ['vendor_request', 'vendor_reminder'];

function actionText(action: string, detail: Record<string, unknown>): string {
  if (action === 'mail.sent' && VENDOR_TEMPLATES.includes(String(detail.template)))
    return 'Mail sent to the service provider';
  return ACTION_TEXT[action] ?? action;
}

/** A connected system's entry in words: which system, for what, and counts only (never values). */
function systemFacts(d: Record<string, unknown>): string[] {
  const facts: string[] = [];
  if (typeof d.systemId === 'string') facts.push(d.systemId);
  if (typeof d.purpose === 'string') facts.push(codeWords(d.purpose));
  if (Array.isArray(d.systems)) facts.push(`systems: ${d.systems.join(', ') || 'none'}`);
  if (Array.isArray(d.skipped) && d.skipped.length > 0) facts.push(`skipped: ${d.skipped.join(', ')}`);
  if (typeof d.errorClass === 'string') facts.push(codeWords(d.errorClass));
  const counts = d.counts as Record<string, Record<string, number>> | undefined;
  if (counts) {
    const total = (key: string) => Object.values(counts).reduce((sum, c) => sum + (c[key] ?? 0), 0);
    for (const key of ['found', 'deleted', 'updated', 'retained'])
      if (Object.values(counts).some((c) => c[key] !== undefined)) facts.push(`${total(key)} ${key}`);
  }
  if (typeof d.remaining === 'number') facts.push(`${d.remaining} rows left outside kept tables`);
  return facts;
}

/** A match in words: the degree reached and each data point's result (the values are never recorded). */
function matchFacts(d: Record<string, unknown>): string[] {
  const results = Object.entries((d.results ?? {}) as Record<string, string>);
  return [
    `reached: ${String(d.level)}`,
    d.personFound ? 'email address found in the records' : 'email address not found in the records',
    ...results.map(([point, result]) => `${codeWords(point)}: ${codeWords(result)}`),
  ];
}

const NOTE_HEADING: Record<RequestNoteKind, string> = {
  internal: 'Note',
  question: 'Question',
  requester_reply: 'Reply',
  extension_reason: 'Reason given',
  denial_explanation: 'Explanation given',
  resolution: 'What was done',
  partial_reason: 'What was withheld and why',
  redirect: 'Controller named',
  reopen_reason: 'Why it was reopened',
  withdrawal: 'How the withdrawal came in',
  identity_override: 'How the identity was verified',
};

const WITHDRAWN_VIA: Record<WithdrawalRoute, string> = {
  status_page: 'on their status page',
  authorised_agent: 'by their authorised agent',
  phone: 'told us by phone',
  letter: 'told us by letter',
  email: 'told us by email',
  in_person: 'told us in person',
};

/** What the audit entry's detail says, in words: who was assigned, which mail, which ground, which files. */
function entryFacts(m: RequestPageModel, { entry }: TimelineItem, tz: string): (SafeHtml | string)[] {
  const d = entry.detail;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const facts: (SafeHtml | string)[] = [];
  const staff = (key: string) => {
    const id = text(key);
    return id ? (m.staffNames.get(id) ?? 'a former member') : undefined;
  };
  if (entry.action === 'request.assigned') facts.push(`to ${staff('assigneeId')}`);
  if (entry.action === 'request.classified')
    facts.push(`as ${m.requestContext.policy.rights.find((r) => r.id === text('rightId'))?.label ?? text('rightId')}`);
  if (entry.action === 'request.withdrawn')
    facts.push(WITHDRAWN_VIA[text('route') as WithdrawalRoute] ?? 'how not recorded');
  if (entry.action === 'request.unassigned') facts.push(`was ${staff('previousAssigneeId')}`);
  if (entry.action === 'mail.sent' || entry.action === 'mail.failed' || entry.action === 'mail.uncertain')
    facts.push(codeWords(text('template') ?? ''));
  if (entry.action === 'mail.failed') facts.push(`${String(d.attempts)} attempts, ${text('error') ?? 'unknown error'}`);
  if (entry.action === 'drp.status_sent')
    facts.push([text('status'), text('drpReason')].filter(Boolean).join(' / '), `to ${text('agentId') ?? 'the agent'}`);
  if (entry.action === 'drp.status_failed')
    facts.push(
      `to ${text('agentId') ?? 'the agent'}`,
      `${String(d.attempts)} attempts, ${text('failure') ?? 'unknown failure'}`,
    );
  if (entry.action.startsWith('fulfilment.')) facts.push(...systemFacts(d));
  if (entry.action === 'verification.matched') facts.push(...matchFacts(d));
  if (entry.action === 'verification.overridden') facts.push(`from ${text('from')} to ${text('to')}`);
  if (entry.action === 'response.downloaded') {
    const file = m.files.find((f) => f.id === text('fileId'));
    facts.push(file ? file.fileName : 'a file since removed');
  }
  const denial = text('denialReason');
  if (denial) facts.push(`ground: ${DENIAL_REASON_TEXT[denial as DenialReason] ?? denial}`);
  // A redirect at intake names the controller in the policy's own words; staff's free text comes as the entry's note.
  const controller = text('controller');
  if (controller)
    facts.push(
      <>
        controller: <q>{controller}</q>
      </>,
    );
  const due = text('dueAt');
  if (due && entry.action !== 'request.received') facts.push(`due ${formatLocalDate(new Date(due), tz)}`);
  if (Array.isArray(d.fileIds))
    facts.push(
      `${d.fileIds.length} file(s), available until ${formatLocalDate(new Date(text('availableUntil')!), tz)}`,
    );
  return facts;
}

/** One audit entry: when, what, who, its facts, and the note written with it. */
export function TimelineEntry({
  model,
  item,
  timeZone,
}: {
  model: RequestPageModel;
  item: TimelineItem;
  timeZone: string;
}) {
  const { entry, note } = item;
  const facts = entryFacts(model, item, timeZone);
  return (
    <li data-action={entry.action}>
      <span class="when">{formatLocalDateTime(entry.at, timeZone)}</span> ·{' '}
      <strong>{actionText(entry.action, entry.detail)}</strong> · {entry.actorLabel}
      {facts.length > 0 && <> — {facts.map((f, i) => (i === 0 ? f : <>; {f}</>))}</>}
      {note && (
        <div class="note">
          <span class="hint">{NOTE_HEADING[note.kind]}</span>
          <pre>{note.text}</pre>
        </div>
      )}
    </li>
  );
}
