import { codeWords, formatLocalDateTime, staffPaths } from '#mail';
import type { VerificationLevel } from '#policy';
import { type DataPointResult, isOpen, meetsVerification, overrideLevels, staffDecideIdentity } from '#workflow';

import { MAX_TEXT_LENGTH } from '../../requests/request-actions.service.js';
import type { RequestPageModel } from './request-page.service.js';

const DEGREE: Record<VerificationLevel, string> = {
  none: 'none',
  email: 'the email address only',
  reasonable: 'a reasonable degree (two data points)',
  high: 'a reasonably high degree (three data points and the signed declaration)',
  documents: 'an identity document checked by staff',
};

const RESULT: Record<DataPointResult, string> = {
  matched: 'matches the records',
  not_matched: 'does not match the records',
  not_held: 'not held in any connected system',
};

/**
 * How sure the organisation is of who the requester is: the degree the right needs and the degree reached, the
 * result of each data point matched (never its value), and the form staff decide the degree with, with a reason.
 */
export function IdentityEvidence({ model: m, csrfToken }: { model: RequestPageModel; csrfToken: string }) {
  const { request } = m;
  if (!staffDecideIdentity(request.verificationRequired)) return <></>;
  const document = m.identityDocument;
  const timeZone = m.organisation.organisation.timeZone;
  const deciding =
    m.organisation.role !== 'auditor' && isOpen(request.status) && request.status !== 'unverified' && !request.purgedAt;
  const met = meetsVerification(request.verificationRequired, request.verificationReached);
  return (
    <section id="identity">
      <h2>Identity</h2>
      <dl>
        <dt>Needed</dt>
        <dd>{DEGREE[request.verificationRequired]}</dd>
        <dt>Reached</dt>
        <dd id="identity-reached" data-met={String(met)}>
          {request.identityCheck === 'pending'
            ? 'matching with the records: pending'
            : DEGREE[request.verificationReached]}
          {request.identityCheck === 'overridden' && ' (decided by staff)'}
          {request.identityCheck !== 'pending' && !met && <strong> — not enough for this right</strong>}
        </dd>
        {request.declarationSignedAt && (
          <>
            <dt>Declaration</dt>
            <dd>signed under penalty of perjury</dd>
          </>
        )}
      </dl>
      {request.identityCheck === null &&
        request.status !== 'unverified' &&
        request.verificationRequired !== 'documents' && (
          <p id="identity-nothing-given">
            No details were given to match against the records: decide the degree yourself, asking the requester for
            what you need.
          </p>
        )}
      {m.identityEvidence.length > 0 && (
        <ul id="identity-evidence">
          {m.identityEvidence.map((e) => (
            <li data-result={e.result}>
              {codeWords(e.dataPoint)}: {RESULT[e.result]}
            </li>
          ))}
        </ul>
      )}
      {request.verificationRequired === 'documents' && (
        <p id="identity-document">
          {document ? (
            <>
              Identity document received {formatLocalDateTime(document.receivedAt, timeZone)}
              {document.decidedAt && <>, decided {formatLocalDateTime(document.decidedAt, timeZone)}</>}
              {m.organisation.role !== 'auditor' && (
                <>
                  :{' '}
                  <a href={staffPaths.request(m.organisation.organisation.slug, request.id, 'identity/document')}>
                    view it (watermarked PDF; each view is on the timeline)
                  </a>
                </>
              )}
            </>
          ) : request.verificationReached === 'documents' ? (
            'The identity document was checked and has since been deleted.'
          ) : (
            'No identity document has arrived yet: the requester uploads it from their status page.'
          )}
        </p>
      )}
      {deciding && (
        <details>
          <summary>Decide the degree yourself</summary>
          <form method="post" action={staffPaths.request(m.organisation.organisation.slug, request.id, 'identity')}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <fieldset>
              <legend>Degree reached</legend>
              {overrideLevels(request.verificationRequired).map((level) => (
                <label>
                  <input type="radio" name="level" value={level} required /> {DEGREE[level]}
                </label>
              ))}
            </fieldset>
            <label for="identity-reason">How you verified it (kept on the timeline)</label>
            <textarea name="reason" id="identity-reason" rows="3" maxlength={MAX_TEXT_LENGTH} required></textarea>
            <button type="submit">Record the degree</button>
          </form>
        </details>
      )}
    </section>
  );
}
