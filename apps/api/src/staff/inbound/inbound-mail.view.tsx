import type { SenderAuthentication } from '#db';
import { formatFileSize, formatLocalDateTime, raw, type SafeHtml } from '#mail';
import type { PolicyRight } from '#policy';
import { acknowledgementExplanation } from '#workflow';

import type { InboundMail } from './inbound-mail.service.js';
import { sanitiseMailHtml } from './mail-html.js';

/** The HTML part, sanitised: never the sender's markup as sent. */
function SenderHtml({ markup }: { markup: string }) {
  return (
    <>
      <h3>
        HTML part <span class="hint">Shown cleaned: no scripts, images or styles.</span>
      </h3>
      <div class="sender-content" role="region" aria-label="The sender’s content">
        <p class="sender-content-label">
          Written by the sender, not by Rightsdesk. Headings are reduced; each link shows where it really goes.
        </p>
        <div id="mail-html" class="mail-html">
          {
            // The one place requester markup is emitted: only what the allow-list of sanitiseMailHtml leaves of it.
            raw(sanitiseMailHtml(markup))
          }
        </div>
      </div>
    </>
  );
}

function Attachments({ mail, base }: { mail: InboundMail; base: string }) {
  if (mail.attachments.length === 0) return <p>None.</p>;
  return (
    <table id="mail-attachments">
      <thead>
        <tr>
          <th>File</th>
          <th>Type</th>
          <th>Size</th>
        </tr>
      </thead>
      <tbody>
        {mail.attachments.map((a) => (
          <tr>
            <td>
              <a href={`${base}/mail/attachments/${a.id}`}>{a.fileName}</a>
            </td>
            <td>{a.contentType}</td>
            <td>{formatFileSize(a.size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The mail a request came as: headers, the text part, the HTML part sanitised (never the sender's markup as sent),
 * the attachments and the original, each a download.
 */
export function inboundMailSection(mail: InboundMail, base: string, timeZone: string): SafeHtml {
  const { message } = mail;
  const from = message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress;
  return (
    <>
      <h2>The mail</h2>
      <section id="mail">
        <dl>
          <dt>From</dt>
          <dd id="mail-from">{from}</dd>
          <dt>To</dt>
          <dd>{message.recipient}</dd>
          <dt>Subject</dt>
          <dd id="mail-subject">{message.subject || '(no subject)'}</dd>
          <dt>Sent</dt>
          <dd>{message.sentAt ? formatLocalDateTime(message.sentAt, timeZone) : 'no date given'}</dd>
          <dt>Sender checks</dt>
          <dd id="mail-authentication">{authenticationText(message.authentication)}</dd>
          <dt>Acknowledgement</dt>
          <dd id="mail-acknowledgement">
            {acknowledgementExplanation(message.acknowledgement) ?? 'Sent to the sender.'}
          </dd>
          <dt>Original</dt>
          <dd>
            <a href={`${base}/mail/original.eml`} id="mail-original">
              original.eml
            </a>{' '}
            ({formatFileSize(message.sourceSize)})
          </dd>
        </dl>
        <h3>Text</h3>
        <pre id="mail-text">{message.textBody || '(no text part)'}</pre>
        {message.htmlBody && <SenderHtml markup={message.htmlBody} />}
        <h3>Attachments</h3>
        <Attachments mail={mail} base={base} />
      </section>
    </>
  );
}

/** What SPF, DKIM and DMARC said, and what that means for the From line. */
function authenticationText(checks: SenderAuthentication | null): string {
  if (!checks) return 'Not checked (stored before sender checks were made).';
  const results = `SPF ${checks.spf}, DKIM ${checks.dkim}, DMARC ${checks.dmarc}`;
  return checks.aligned
    ? `${results}: ${checks.fromDomain} vouches for the From address.`
    : `${results}: the From address is not vouched for by its domain${checks.fromDomain ? ` (${checks.fromDomain})` : ''} and may be forged.`;
}

/** Classify (name the right the mail exercises) or set it aside; offered while the request awaits triage. */
export function triageForms(
  rights: readonly PolicyRight[],
  base: string,
  csrf: SafeHtml,
  can: { classify: boolean; dismiss: boolean },
): SafeHtml[] {
  const forms: SafeHtml[] = [];
  if (can.classify) {
    forms.push(
      <section id="classify">
        <h3>Classify</h3>
        <p>
          Which right does the mail exercise? Its due date is counted from when the mail arrived. The sender then gets a
          link to confirm their address (the From line proves nothing), except for opt-outs, which need no proof.
        </p>
        <form method="post" action={`${base}/classify`}>
          {csrf}
          <label for="rightId">Right</label>
          <select name="rightId" id="rightId">
            {rights.map((r) => (
              <option value={r.id}>{r.label}</option>
            ))}
          </select>
          <button type="submit">Classify</button>
        </form>
      </section>,
    );
  }
  if (can.dismiss) {
    forms.push(
      <section id="not-a-request">
        <h3>Not a request</h3>
        <p>
          Closes it without a reply (spam, advertising, a question that is not about personal information). An admin can
          reopen it.
        </p>
        <form method="post" action={`${base}/not-a-request`}>
          {csrf}
          <button type="submit" class="secondary">
            Not a request
          </button>
        </form>
      </section>,
    );
  }
  return forms;
}
