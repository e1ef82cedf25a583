import {
  codeWords,
  DENIAL_REASON_TEXT,
  formatFileSize,
  formatLocalDate,
  formatLocalDateTime,
  regimeName,
  type SafeHtml,
  staffPaths,
} from '#mail';
import { daysLeft, isOpen } from '#workflow';

import { staffPage } from '../../views/staff-layout.view.js';
import { inboundMailSection } from '../inbound/inbound-mail.view.js';
import { ConnectedSystems } from './connected-systems.js';
import { IdentityEvidence } from './identity-evidence.js';
import { RequestActions } from './request-actions.js';
import type { RequestPageModel } from './request-page.service.js';
import { TimelineEntry } from './request-timeline.js';

export interface RequestPageChrome {
  userId: string;
  userName: string;
  csrfToken: string;
  /** A refused action's message, shown above everything else. */
  error?: string;
}

type Personal = (value: SafeHtml | string) => SafeHtml | string;

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** A request's page: who asked what under which policy sentence, its deadlines, timeline, files and the actions open now. */
export function requestPage(m: RequestPageModel, chrome: RequestPageChrome): string {
  const { request, organisation } = m;
  const tz = organisation.organisation.timeZone;
  const date = (d: Date | null | undefined) => (d ? formatLocalDate(d, tz) : '—');
  // After retention only the legal record is left: the requester's fields say so instead of showing blanks.
  const personal: Personal = (value) => (request.purgedAt ? <span class="hint">removed</span> : value);
  const body = (
    <>
      <h1>Request {request.reference}</h1>
      {chrome.error && (
        <div class="summary" role="alert" id="refusal">
          <h2>Not done</h2>
          <p>{chrome.error}</p>
        </div>
      )}
      {request.purgedAt && (
        <div class="notice" id="purged">
          <p>
            The requester's personal data, notes and response files were removed on {date(request.purgedAt)} under the
            retention policy. The record the law asks to keep (dates, type, channel, outcome, denial ground) stays until
            it is deleted too.
          </p>
        </div>
      )}
      <Summary model={m} />
      <h2>Requester</h2>
      <dl id="requester">
        <dt>Name</dt>
        <dd>{personal(request.requesterName)}</dd>
        <dt>Email</dt>
        <dd>{personal(request.requesterEmail)}</dd>
        <dt>Phone</dt>
        <dd>{personal(request.requesterPhone ?? '—')}</dd>
        <dt>Made by</dt>
        <dd>{request.relationship === 'agent' ? 'an authorised agent' : 'the person themselves'}</dd>
        <dt>Details</dt>
        <dd>{personal(request.details ? <pre>{request.details}</pre> : '—')}</dd>
      </dl>
      {request.relationship === 'agent' && <AgentSection model={m} personal={personal} />}
      {!request.purgedAt && <EarlierRequests model={m} />}
      {m.inboundMail &&
        inboundMailSection(m.inboundMail, staffPaths.request(organisation.organisation.slug, request.id), tz)}
      <IdentityEvidence model={m} csrfToken={chrome.csrfToken} />
      <Dates model={m} />
      <Outcome model={m} />
      <ConnectedSystems model={m} csrfToken={chrome.csrfToken} />
      <h2>Response files</h2>
      {m.files.length === 0 ? (
        <p>None.</p>
      ) : (
        <>
          <table id="files">
            <thead>
              <tr>
                <th>File</th>
                <th>Type</th>
                <th>Size</th>
              </tr>
            </thead>
            <tbody>
              {m.files.map((f) => (
                <tr>
                  <td>{f.fileName}</td>
                  <td>{f.contentType}</td>
                  <td>{formatFileSize(f.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>The requester can download them until {date(request.responseAvailableUntil)}.</p>
        </>
      )}
      <h2>Timeline</h2>
      <ol id="timeline" class="timeline">
        {m.timeline.map((item) => (
          <TimelineEntry model={m} item={item} timeZone={tz} />
        ))}
      </ol>
      {!request.purgedAt && <RequestActions model={m} csrfToken={chrome.csrfToken} userId={chrome.userId} />}
    </>
  );
  return staffPage(`Request ${request.reference}`, body, {
    userName: chrome.userName,
    csrfToken: chrome.csrfToken,
    organisation: {
      slug: organisation.organisation.slug,
      name: organisation.organisation.name,
      role: organisation.role,
    },
  });
}

/** Status, the right and the policy sentence behind it, regime, channel, verification, assignee. */
function Summary({ model: m }: { model: RequestPageModel }) {
  const { request } = m;
  // Mail not yet classified: the right, type and regime on the row are provisional (the earliest deadline's).
  const unclassified = request.status === 'received_by_email' || request.status === 'not_a_request';
  return (
    <dl id="summary">
      <dt>Status</dt>
      <dd id="status">{codeWords(request.status)}</dd>
      {unclassified ? (
        <>
          <dt>Right</dt>
          <dd id="right">
            not classified yet{' '}
            <span class="hint">
              Until then it is held to the earliest due date any right would have: {m.right?.label ?? request.rightId} (
              {regimeName(request.regime)}).
            </span>
          </dd>
        </>
      ) : (
        <>
          <dt>Right</dt>
          <dd id="right">
            {m.right?.label ?? request.rightId}
            {m.right && (
              <>
                <blockquote id="citation">“{m.right.citation.quote}”</blockquote>
                <span class="hint">Policy version {m.requestContext.policyVersion.version}</span>
              </>
            )}
          </dd>
          <dt>Type</dt>
          <dd>{codeWords(request.type)}</dd>
          <dt>Regime</dt>
          <dd>{regimeName(request.regime)}</dd>
        </>
      )}
      <dt>Channel</dt>
      <dd>{request.channel}</dd>
      <dt>Verification</dt>
      <dd>
        {unclassified
          ? 'decided when classified'
          : `required: ${request.verificationRequired}; reached: ${request.verificationReached}`}
      </dd>
      <dt>Assignee</dt>
      <dd id="assignee">{m.assignee?.name ?? 'nobody'}</dd>
    </dl>
  );
}

/** The same person's earlier requests, linked, with the policy's limit where the right has one. */
function EarlierRequests({ model: m }: { model: RequestPageModel }) {
  const slug = m.organisation.organisation.slug;
  const tz = m.organisation.organisation.timeZone;
  const limit = m.right?.limit;
  const label = (rightId: string) => m.requestContext.policy.rights.find((r) => r.id === rightId)?.label ?? rightId;
  return (
    <>
      <h2>Earlier requests from this address</h2>
      {limit && (
        <p class="hint" id="frequency-limit">
          The policy allows this request {limit.count} times in {limit.perMonths} months: “{limit.citation.quote}”
        </p>
      )}
      {m.earlierRequests.length === 0 ? (
        <p id="earlier-requests">None.</p>
      ) : (
        <ul id="earlier-requests">
          {m.earlierRequests.map((r) => (
            <li>
              <a href={staffPaths.request(slug, r.id)}>{r.reference}</a>: {label(r.rightId)}, received{' '}
              {formatLocalDate(r.receivedAt, tz)}, {codeWords(r.status)}
              {r.verifiedAt ? '' : ' (address not confirmed)'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Who acted for the consumer, for staff to check: registration (where the policy or the law asks it) and the signed permission. */
function AgentSection({ model: m, personal }: { model: RequestPageModel; personal: Personal }) {
  const { agent, request, organisation } = m;
  const rule = m.agentRegistrationRule;
  if (!agent && !request.purgedAt) {
    return (
      <>
        <h2>Authorised agent</h2>
        <p id="agent">Made by an agent, whose details were not taken: the request went straight to the controller.</p>
      </>
    );
  }
  const registration = agent?.registrationNumber ? (
    <>
      {agent.registrationNumber}{' '}
      <span class="hint">Check it in the California Secretary of State's business search.</span>
    </>
  ) : (
    'none given'
  );
  return (
    <>
      <h2>Authorised agent</h2>
      {rule && (
        <p class="hint" id="agent-rule">
          The policy requires agents to be registered with the California Secretary of State: “{rule.citation.quote}”
        </p>
      )}
      <dl id="agent">
        <dt>Name</dt>
        <dd>{personal(agent?.name ?? '—')}</dd>
        <dt>Email</dt>
        <dd>{personal(agent?.email ?? '—')}</dd>
        <dt>Acts as</dt>
        <dd>{agent ? (agent.isBusiness ? 'a business' : 'a natural person') : personal('—')}</dd>
        <dt>SoS registration</dt>
        <dd id="agent-registration">{agent ? registration : personal('—')}</dd>
        <dt>Signed permission</dt>
        <dd>
          {agent ? (
            <>
              <a
                id="agent-permission"
                href={staffPaths.request(organisation.organisation.slug, request.id, 'agent-permission')}
              >
                {agent.permissionFileName}
              </a>{' '}
              ({agent.permissionContentType}, {formatFileSize(agent.permissionSize)})
            </>
          ) : (
            personal('—')
          )}
        </dd>
        <dt>Consumer's confirmation</dt>
        <dd>
          {request.verifiedAt
            ? 'confirmed directly by the consumer'
            : request.status === 'unverified'
              ? 'waiting for the consumer'
              : 'not given'}
        </dd>
      </dl>
    </>
  );
}

/** Every date the law or the policy counts from or to, and what an extension would give. */
function Dates({ model: m }: { model: RequestPageModel }) {
  const { request } = m;
  const tz = m.organisation.organisation.timeZone;
  const date = (d: Date | null | undefined) => (d ? formatLocalDate(d, tz) : '—');
  const left = daysLeft(request.dueAt, m.now, tz);
  const extendedDue = request.extendedDueAt
    ? date(request.extendedDueAt)
    : m.deadlines.extendedDueAt
      ? `not extended (would be ${date(m.deadlines.extendedDueAt)})`
      : 'no extension possible';
  return (
    <>
      <h2>Dates</h2>
      <dl id="dates">
        <dt>Received</dt>
        <dd>{date(request.receivedAt)}</dd>
        <dt>Verified</dt>
        <dd>{date(request.verifiedAt)}</dd>
        <dt>Clock started</dt>
        <dd>{date(request.clockStartedAt)}</dd>
        {request.pausedAt && (
          <>
            <dt>Clock paused since</dt>
            <dd>{date(request.pausedAt)}</dd>
          </>
        )}
        {request.pausedDays > 0 && (
          <>
            <dt>Days paused before</dt>
            <dd>{request.pausedDays}</dd>
          </>
        )}
        <dt>Acknowledge by</dt>
        <dd>{date(request.acknowledgeBy ?? m.deadlines.acknowledgeBy)}</dd>
        <dt>Acknowledged</dt>
        <dd id="acknowledged">
          {request.acknowledgedAt ? formatLocalDateTime(request.acknowledgedAt, tz) : 'not yet'}
        </dd>
        {request.status === 'unverified' && request.verificationExpiresAt && (
          <>
            <dt>Closes unverified</dt>
            <dd>{formatLocalDateTime(request.verificationExpiresAt, tz)}</dd>
          </>
        )}
        <dt>Due</dt>
        <dd id="due">
          {date(request.dueAt)}
          {isOpen(request.status) ? ` (${left >= 0 ? `${days(left)} left` : `${days(-left)} overdue`})` : ''}
        </dd>
        <dt>Extended due</dt>
        <dd id="extended-due">{extendedDue}</dd>
        {request.extensionReason && (
          <>
            <dt>Extension reason</dt>
            <dd>{request.extensionReason}</dd>
          </>
        )}
        <dt>Extension notice by</dt>
        <dd>{date(m.deadlines.extensionNoticeBy)}</dd>
        {request.closedAt && (
          <>
            <dt>Closed</dt>
            <dd>{date(request.closedAt)}</dd>
          </>
        )}
      </dl>
    </>
  );
}

/** How the request ended: the ground of a denial, what the requester was told, the controller it was sent to. */
function Outcome({ model: { request } }: { model: RequestPageModel }) {
  if (!request.denialReason && !request.resolutionText && !request.redirectedTo) return <></>;
  return (
    <>
      <h2>Outcome</h2>
      <dl id="outcome">
        {request.denialReason && (
          <>
            <dt>Ground</dt>
            <dd>{DENIAL_REASON_TEXT[request.denialReason]}</dd>
          </>
        )}
        {request.resolutionText && (
          <>
            <dt>Told the requester</dt>
            <dd>
              <pre>{request.resolutionText}</pre>
            </dd>
          </>
        )}
        {request.redirectedTo && (
          <>
            <dt>Controller</dt>
            <dd>{request.redirectedTo}</dd>
          </>
        )}
      </dl>
    </>
  );
}
