import { DENIAL_REASON_TEXT, formatLocalDate, formatLocalDateTime, html, type SafeHtml } from '#mail';
import type { RequestNoteKind } from '#db';
import { daysLeft, isOpen, STAFF_WITHDRAWAL_ROUTES, type DenialReason, type WithdrawalRoute } from '#workflow';
import { staffPage } from '../../views/staff-layout.view.js';
import type { RequestPageModel, TimelineItem } from './request-page.service.js';
import { answeredWithFiles, MAX_RESPONSE_FILES } from '../../requests/response-upload.js';
import { MAX_TEXT_LENGTH } from '../../requests/request-actions.service.js';
import { inboundMailSection, triageForms } from '../inbound/inbound-mail.view.js';

export interface RequestPageChrome {
  userId: string;
  userName: string;
  csrfToken: string;
  /** A refused action's message, shown above everything else. */
  error?: string;
}

const ACTION_TEXT: Record<string, string> = {
  'request.received': 'Request received',
  'request.verified': 'Email address confirmed',
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
};

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
};

const words = (code: string) => code.replace(/_/g, ' ');
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** A request's page: who asked what under which policy sentence, its deadlines, timeline, files and the actions open now. */
export function requestPage(m: RequestPageModel, chrome: RequestPageChrome): string {
  const { request, organisation } = m;
  const tz = organisation.organisation.timeZone;
  const date = (d: Date | null | undefined) => (d ? formatLocalDate(d, tz) : '—');
  const left = daysLeft(request.dueAt, m.now, tz);
  // After retention only the legal record is left: the requester's fields say so instead of showing blanks.
  const personal = (value: SafeHtml | string) => (request.purgedAt ? html`<span class="hint">removed</span>` : value);
  // Mail not yet classified: the right, type and regime on the row are provisional (the earliest deadline's).
  const unclassified = request.status === 'received_by_email' || request.status === 'not_a_request';
  const body = html`<h1>Request ${request.reference}</h1>
${chrome.error ? html`<div class="summary" role="alert" id="refusal"><h2>Not done</h2><p>${chrome.error}</p></div>` : ''}
${
  request.purgedAt
    ? html`<div class="notice" id="purged"><p>The requester's personal data, notes and response files were removed on ${date(request.purgedAt)} under the retention policy. The record the law asks to keep (dates, type, channel, outcome, denial ground) stays until it is deleted too.</p></div>`
    : ''
}
<dl id="summary">
<dt>Status</dt><dd id="status">${words(request.status)}</dd>
${
  unclassified
    ? html`<dt>Right</dt><dd id="right">not classified yet <span class="hint">Until then it is held to the earliest due date any right would have: ${m.right?.label ?? request.rightId} (${regimeName(request.regime)}).</span></dd>`
    : html`<dt>Right</dt><dd id="right">${m.right?.label ?? request.rightId}${
        m.right ? html`<blockquote id="citation">“${m.right.citation.quote}”</blockquote><span class="hint">Policy version ${m.requestContext.policyVersion.version}</span>` : ''
      }</dd>
<dt>Type</dt><dd>${words(request.type)}</dd>
<dt>Regime</dt><dd>${regimeName(request.regime)}</dd>`
}
<dt>Channel</dt><dd>${request.channel}</dd>
<dt>Verification</dt><dd>${unclassified ? 'decided when classified' : `required: ${request.verificationRequired}; reached: ${request.verificationReached}`}</dd>
<dt>Assignee</dt><dd id="assignee">${m.assignee?.name ?? 'nobody'}</dd>
</dl>
<h2>Requester</h2>
<dl id="requester">
<dt>Name</dt><dd>${personal(request.requesterName)}</dd>
<dt>Email</dt><dd>${personal(request.requesterEmail)}</dd>
<dt>Phone</dt><dd>${personal(request.requesterPhone ?? '—')}</dd>
<dt>Made by</dt><dd>${request.relationship === 'agent' ? 'an authorised agent' : 'the person themselves'}</dd>
<dt>Details</dt><dd>${personal(request.details ? html`<pre>${request.details}</pre>` : '—')}</dd>
</dl>
${request.relationship === 'agent' ? agentSection(m, personal) : ''}
${earlierRequestsSection(m, tz)}
${m.inboundMail ? inboundMailSection(m.inboundMail, `/staff/orgs/${organisation.organisation.slug}/requests/${request.id}`, tz) : ''}
<h2>Dates</h2>
<dl id="dates">
<dt>Received</dt><dd>${date(request.receivedAt)}</dd>
<dt>Verified</dt><dd>${date(request.verifiedAt)}</dd>
<dt>Clock started</dt><dd>${date(request.clockStartedAt)}</dd>
${request.pausedAt ? html`<dt>Clock paused since</dt><dd>${date(request.pausedAt)}</dd>` : ''}
${request.pausedDays > 0 ? html`<dt>Days paused before</dt><dd>${request.pausedDays}</dd>` : ''}
<dt>Acknowledge by</dt><dd>${date(request.acknowledgeBy ?? m.deadlines.acknowledgeBy)}</dd>
<dt>Acknowledged</dt><dd id="acknowledged">${request.acknowledgedAt ? formatLocalDateTime(request.acknowledgedAt, tz) : 'not yet'}</dd>
${request.status === 'unverified' && request.verificationExpiresAt ? html`<dt>Closes unverified</dt><dd>${formatLocalDateTime(request.verificationExpiresAt, tz)}</dd>` : ''}
<dt>Due</dt><dd id="due">${date(request.dueAt)}${isOpen(request.status) ? ` (${left >= 0 ? `${days(left)} left` : `${days(-left)} overdue`})` : ''}</dd>
<dt>Extended due</dt><dd id="extended-due">${
    request.extendedDueAt ? date(request.extendedDueAt) : m.deadlines.extendedDueAt ? `not extended (would be ${date(m.deadlines.extendedDueAt)})` : 'no extension possible'
  }</dd>
${request.extensionReason ? html`<dt>Extension reason</dt><dd>${request.extensionReason}</dd>` : ''}
<dt>Extension notice by</dt><dd>${date(m.deadlines.extensionNoticeBy)}</dd>
${request.closedAt ? html`<dt>Closed</dt><dd>${date(request.closedAt)}</dd>` : ''}
</dl>
${outcome(m)}
<h2>Response files</h2>
${
  m.files.length === 0
    ? html`<p>None.</p>`
    : html`<table id="files"><thead><tr><th>File</th><th>Type</th><th>Size</th></tr></thead><tbody>${m.files.map(
        (f) => html`<tr><td>${f.fileName}</td><td>${f.contentType}</td><td>${sizeText(f.size)}</td></tr>`,
      )}</tbody></table>
<p>The requester can download them until ${date(request.responseAvailableUntil)}.</p>`
}
<h2>Timeline</h2>
<ol id="timeline" class="timeline">${m.timeline.map((item) => timelineItem(m, item, tz))}</ol>
${request.purgedAt ? '' : actionForms(m, chrome)}`;
  return staffPage(`Request ${request.reference}`, body, {
    userName: chrome.userName,
    csrfToken: chrome.csrfToken,
    organisation: { slug: organisation.organisation.slug, name: organisation.organisation.name, role: organisation.role },
  });
}

/** The same person's earlier requests, linked, with the policy's limit where the right has one. */
function earlierRequestsSection(m: RequestPageModel, tz: string): SafeHtml {
  if (m.request.purgedAt) return html``;
  const slug = m.organisation.organisation.slug;
  const limit = m.right?.limit;
  const label = (rightId: string) => m.requestContext.policy.rights.find((r) => r.id === rightId)?.label ?? rightId;
  return html`<h2>Earlier requests from this address</h2>
${limit ? html`<p class="hint" id="frequency-limit">The policy allows this request ${limit.count} times in ${limit.perMonths} months: “${limit.citation.quote}”</p>` : ''}
${
  m.earlierRequests.length === 0
    ? html`<p id="earlier-requests">None.</p>`
    : html`<ul id="earlier-requests">${m.earlierRequests.map(
        (r) =>
          html`<li><a href="/staff/orgs/${slug}/requests/${r.id}">${r.reference}</a>: ${label(r.rightId)}, received ${formatLocalDate(r.receivedAt, tz)}, ${words(r.status)}${
            r.verifiedAt ? '' : ' (address not confirmed)'
          }</li>`,
      )}</ul>`
}`;
}

/** Who acted for the consumer, for staff to check: registration (where the policy or the law asks it) and the signed permission. */
function agentSection(m: RequestPageModel, personal: (value: SafeHtml | string) => SafeHtml | string): SafeHtml {
  const { agent, request, organisation } = m;
  const rule = m.agentRegistrationRule;
  if (!agent && !request.purgedAt) return html`<h2>Authorised agent</h2><p id="agent">Made by an agent, whose details were not taken: the request went straight to the controller.</p>`;
  const registration = agent?.registrationNumber
    ? html`${agent.registrationNumber} <span class="hint">Check it in the California Secretary of State's business search.</span>`
    : html`none given`;
  return html`<h2>Authorised agent</h2>
${rule ? html`<p class="hint" id="agent-rule">The policy requires agents to be registered with the California Secretary of State: “${rule.citation.quote}”</p>` : ''}
<dl id="agent">
<dt>Name</dt><dd>${personal(agent?.name ?? '—')}</dd>
<dt>Email</dt><dd>${personal(agent?.email ?? '—')}</dd>
<dt>Acts as</dt><dd>${agent ? (agent.isBusiness ? 'a business' : 'a natural person') : personal('—')}</dd>
<dt>SoS registration</dt><dd id="agent-registration">${agent ? registration : personal('—')}</dd>
<dt>Signed permission</dt><dd>${
    agent
      ? html`<a id="agent-permission" href="/staff/orgs/${organisation.organisation.slug}/requests/${request.id}/agent-permission">${agent.permissionFileName}</a> (${agent.permissionContentType}, ${sizeText(agent.permissionSize)})`
      : personal('—')
  }</dd>
<dt>Consumer's confirmation</dt><dd>${request.verifiedAt ? 'confirmed directly by the consumer' : request.status === 'unverified' ? 'waiting for the consumer' : 'not given'}</dd>
</dl>`;
}

function regimeName(regime: string): string {
  const names: Record<string, string> = {
    ccpa: 'CCPA',
    us_state: 'US state law',
    gdpr: 'GDPR',
    uk_gdpr: 'UK GDPR',
    can_spam: 'CAN-SPAM',
    fcc_tcpa: 'TCPA (FCC)',
    none: 'none (the policy’s own promise)',
  };
  return names[regime] ?? regime;
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function outcome(m: RequestPageModel): SafeHtml | '' {
  const { request } = m;
  if (!request.denialReason && !request.resolutionText && !request.redirectedTo) return '';
  return html`<h2>Outcome</h2>
<dl id="outcome">
${request.denialReason ? html`<dt>Ground</dt><dd>${DENIAL_REASON_TEXT[request.denialReason]}</dd>` : ''}
${request.resolutionText ? html`<dt>Told the requester</dt><dd><pre>${request.resolutionText}</pre></dd>` : ''}
${request.redirectedTo ? html`<dt>Controller</dt><dd>${request.redirectedTo}</dd>` : ''}
</dl>`;
}

function timelineItem(m: RequestPageModel, { entry, note }: TimelineItem, tz: string): SafeHtml {
  const d = entry.detail;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const facts: (SafeHtml | string)[] = [];
  const staff = (key: string) => {
    const id = text(key);
    return id ? (m.staffNames.get(id) ?? 'a former member') : undefined;
  };
  if (entry.action === 'request.assigned') facts.push(`to ${staff('assigneeId')}`);
  if (entry.action === 'request.classified') facts.push(`as ${m.requestContext.policy.rights.find((r) => r.id === text('rightId'))?.label ?? text('rightId')}`);
  if (entry.action === 'request.withdrawn') facts.push(WITHDRAWN_VIA[text('route') as WithdrawalRoute] ?? 'how not recorded');
  if (entry.action === 'request.unassigned') facts.push(`was ${staff('previousAssigneeId')}`);
  if (entry.action === 'mail.sent' || entry.action === 'mail.failed' || entry.action === 'mail.uncertain') facts.push(words(text('template') ?? ''));
  if (entry.action === 'mail.failed') facts.push(`${String(d.attempts)} attempts, ${text('error') ?? 'unknown error'}`);
  if (entry.action === 'drp.status_sent') facts.push([text('status'), text('drpReason')].filter(Boolean).join(' / '), `to ${text('agentId') ?? 'the agent'}`);
  if (entry.action === 'drp.status_failed') facts.push(`to ${text('agentId') ?? 'the agent'}`, `${String(d.attempts)} attempts, ${text('failure') ?? 'unknown failure'}`);
  if (entry.action === 'response.downloaded') {
    const file = m.files.find((f) => f.id === text('fileId'));
    facts.push(file ? file.fileName : 'a file since removed');
  }
  const denial = text('denialReason');
  if (denial) facts.push(html`ground: ${DENIAL_REASON_TEXT[denial as DenialReason] ?? denial}`);
  // A redirect at intake names the controller in the policy's own words; staff's free text comes as the entry's note.
  const controller = text('controller');
  if (controller) facts.push(html`controller: <q>${controller}</q>`);
  const due = text('dueAt');
  if (due && entry.action !== 'request.received') facts.push(`due ${formatLocalDate(new Date(due), tz)}`);
  if (Array.isArray(d.fileIds)) facts.push(`${d.fileIds.length} file(s), available until ${formatLocalDate(new Date(text('availableUntil')!), tz)}`);
  return html`<li data-action="${entry.action}"><span class="when">${formatLocalDateTime(entry.at, tz)}</span> · <strong>${
    ACTION_TEXT[entry.action] ?? entry.action
  }</strong> · ${entry.actorLabel}${facts.length > 0 ? html` — ${facts.map((f, i) => (i === 0 ? f : html`; ${f}`))}` : ''}${
    note ? html`<div class="note"><span class="hint">${NOTE_HEADING[note.kind]}</span><pre>${note.text}</pre></div>` : ''
  }</li>`;
}

function actionForms(m: RequestPageModel, chrome: RequestPageChrome): SafeHtml | '' {
  const a = m.actions;
  if (m.organisation.role === 'auditor') return '';
  const base = `/staff/orgs/${m.organisation.organisation.slug}/requests/${m.request.id}`;
  const csrf = html`<input type="hidden" name="_csrf" value="${chrome.csrfToken}">`;
  const tz = m.organisation.organisation.timeZone;
  const withFiles = answeredWithFiles(m.request.type);
  const gdprClock = m.request.regime === 'gdpr' || m.request.regime === 'uk_gdpr';
  // Several forms have a "reason": ids carry the form's name so each label finds its own field.
  const textarea = (form: string, name: string, label: string, hint?: string) =>
    html`<label for="${form}-${name}">${label}${hint ? html` <span class="hint">${hint}</span>` : ''}</label>
<textarea name="${name}" id="${form}-${name}" rows="4" maxlength="${MAX_TEXT_LENGTH}" required></textarea>`;
  const files = (required: boolean) =>
    html`<label for="files-${required ? 'all' : 'part'}">Response files <span class="hint">${required ? '1' : '0'} to ${MAX_RESPONSE_FILES} files, each at most 10 MB.</span></label>
<input type="file" name="files" id="files-${required ? 'all' : 'part'}" multiple${required ? html` required` : ''}>`;

  // Grouped by how often they are used: the next step in the open, the rare ones folded away, the ones that end the
  // request without answering it folded and red. Only what the workflow accepts now is there at all.
  const work: SafeHtml[] = triageForms(m.requestContext.policy.rights, base, csrf, { classify: a.classify, dismiss: a.dismiss });
  const answer: SafeHtml[] = [];
  const rare: { label: string; form: SafeHtml }[] = [];
  const ending: { label: string; form: SafeHtml }[] = [];
  if (a.start) {
    work.push(html`<section id="start"><h3>Start work</h3><form method="post" action="${base}/start">${csrf}<button type="submit">Start work</button></form></section>`);
  }
  if (a.ask) {
    work.push(html`<section id="ask"><h3>Ask the requester</h3>
<form method="post" action="${base}/ask">${csrf}
${textarea('ask', 'question', 'Question', gdprClock ? 'Mailed with the status link. The clock stops until they reply.' : 'Mailed with the status link. The clock keeps running.')}
<button type="submit">Send the question</button></form></section>`);
  }
  if (a.assign) {
    work.push(html`<section id="assignment"><h3>Assignment</h3>
<form method="post" action="${base}/assign">${csrf}
<label for="assigneeId">Assign to</label>
<select name="assigneeId" id="assigneeId">${m.team.map(
      (t) => html`<option value="${t.id}"${t.id === m.request.assigneeId ? html` selected` : ''}>${t.name}</option>`,
    )}</select>
<button type="submit" class="secondary">Assign</button></form>
${m.request.assigneeId !== chrome.userId ? html`<form method="post" action="${base}/claim">${csrf}<button type="submit" class="secondary">Assign to me</button></form>` : ''}
${m.request.assigneeId ? html`<form method="post" action="${base}/unassign">${csrf}<button type="submit" class="secondary">Unassign</button></form>` : ''}
</section>`);
  }
  if (a.fulfil) {
    answer.push(html`<section id="fulfil"><h3>Fulfil</h3>
${
  withFiles
    ? html`<form method="post" action="${base}/fulfil" enctype="multipart/form-data">${csrf}${files(true)}
<button type="submit">Send the response</button></form>`
    : html`<form method="post" action="${base}/fulfil">${csrf}
${textarea('fulfil', 'resolution', 'What was done', 'Mailed to the requester.')}
<button type="submit">Mark fulfilled</button></form>`
}</section>`);
  }
  if (a.partiallyFulfil) {
    answer.push(html`<section id="partially-fulfil"><h3>Fulfil in part</h3>
<form method="post" action="${base}/partially-fulfil"${withFiles ? html` enctype="multipart/form-data"` : ''}>${csrf}
${textarea('partial', 'reason', 'What was withheld, and why', 'Mailed to the requester with how to complain.')}
${withFiles ? files(false) : ''}
<button type="submit">Mark partly fulfilled</button></form></section>`);
  }
  if (a.extend) {
    rare.push({
      label: 'extend',
      form: html`<section id="extend"><h3>Extend the deadline</h3>
<p>Once only: the new due date is ${formatLocalDate(m.deadlines.extendedDueAt!, tz)}; the notice must go out by ${formatLocalDate(m.deadlines.extensionNoticeBy!, tz)}.</p>
<form method="post" action="${base}/extend">${csrf}
${textarea('extend', 'reason', 'Reason', 'Mailed to the requester.')}
<button type="submit">Extend and notify</button></form></section>`,
    });
  }
  if (a.redirect) {
    rare.push({
      label: 'redirect to the controller',
      form: html`<section id="redirect"><h3>Redirect to the controller</h3>
<form method="post" action="${base}/redirect">${csrf}
<fieldset><legend>Controller the requester should contact</legend>
${m.redirects.map(
  (r, i) => html`<div class="choice"><input type="radio" name="controller" id="controller-${i}" value="${r.controller}"${i === 0 ? html` checked` : ''}>
<label for="controller-${i}">${r.controller} <span class="hint">For: ${r.services}</span></label></div>`,
)}
<div class="choice"><input type="radio" name="controller" id="controller-other" value="other"${m.redirects.length === 0 ? html` checked` : ''}>
<label for="controller-other">Someone else:</label></div>
<label for="controllerOther">Name and how to reach them <span class="hint">when "Someone else"</span></label>
<input type="text" name="controllerOther" id="controllerOther" maxlength="${MAX_TEXT_LENGTH}">
</fieldset>
<button type="submit">Redirect and notify</button></form></section>`,
    });
  }
  if (a.denialReasons.length > 0) {
    ending.push({
      label: 'deny',
      form: html`<section id="deny"><h3>Deny</h3>
<form method="post" action="${base}/deny">${csrf}
<label for="denialReason">Ground</label>
<select name="reason" id="denialReason">${a.denialReasons.map((r) => html`<option value="${r}">${DENIAL_REASON_TEXT[r]}</option>`)}</select>
${textarea('deny', 'explanation', 'Explanation', 'Mailed to the requester with how to complain.')}
<button type="submit" class="danger">Deny</button></form></section>`,
    });
  }
  if (a.withdraw) {
    ending.push({
      label: 'record a withdrawal',
      form: html`<section id="withdraw"><h3>Record a withdrawal</h3>
<p>The requester asked to withdraw the request without using their status page. It closes now and they get a mail confirming it.</p>
<form method="post" action="${base}/withdraw">${csrf}
<label for="withdraw-route">How did they tell you?</label>
<select name="route" id="withdraw-route">${STAFF_WITHDRAWAL_ROUTES.map((r) => html`<option value="${r}">${WITHDRAWAL_ROUTE_TEXT[r]}</option>`)}</select>
<label for="withdraw-note">What they said <span class="hint">Optional; seen by staff only.</span></label>
<textarea name="note" id="withdraw-note" rows="3" maxlength="${MAX_TEXT_LENGTH}"></textarea>
<button type="submit" class="danger">Record the withdrawal</button></form></section>`,
    });
  }
  if (a.reopen) {
    rare.push({
      label: 'reopen',
      form: html`<section id="reopen"><h3>Reopen</h3>
<form method="post" action="${base}/reopen">${csrf}
${textarea('reopen', 'reason', 'Reason', 'Kept in the timeline; the due date stays.')}
<button type="submit">Reopen</button></form></section>`,
    });
  }
  const folded = (id: string, heading: string, items: { label: string; form: SafeHtml }[], cls: string) =>
    items.length === 0
      ? ''
      : html`<details id="${id}" class="${cls}"><summary>${heading}: ${items.map((i) => i.label).join(', ')}</summary>${items.map((i) => i.form)}</details>`;
  return html`<h2>Actions</h2><div id="actions">
${work.length > 0 ? html`<div class="action-group" id="work-actions">${work}</div>` : ''}
${answer.length > 0 ? html`<div class="action-group" id="answer-actions">${answer}</div>` : ''}
${folded('more-actions', 'More', rare, 'rare')}
${folded('closing-actions', 'Close without answering', ending, 'destructive')}
<section id="note"><h3>Internal note</h3>
<form method="post" action="${base}/note">${csrf}
${textarea('note', 'text', 'Note', 'Seen by staff only.')}
<button type="submit" class="secondary">Add note</button></form></section>
</div>`;
}

const WITHDRAWN_VIA: Record<WithdrawalRoute, string> = {
  status_page: 'on their status page',
  authorised_agent: 'by their authorised agent',
  phone: 'told us by phone',
  letter: 'told us by letter',
  email: 'told us by email',
  in_person: 'told us in person',
};

const WITHDRAWAL_ROUTE_TEXT: Record<(typeof STAFF_WITHDRAWAL_ROUTES)[number], string> = {
  phone: 'By phone',
  letter: 'By letter',
  email: 'By email (not through the status page)',
  in_person: 'In person',
};
