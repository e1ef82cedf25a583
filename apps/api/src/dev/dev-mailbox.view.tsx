import type { DevMail } from '#db';

import { page } from '../views/layout.view.js';

/** Plain-text body with its links made clickable; everything else escaped. */
function Linkified({ text }: { text: string }) {
  return (
    <>{text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))}</>
  );
}

/** A header block as name and value pairs, folded lines joined (RFC 5322 §2.2.3); values are shown as sent. */
function headerFields(block: string): { name: string; value: string }[] {
  return block
    .split('\n')
    .reduce<string[]>(
      (lines, line) =>
        /^[ \t]/.test(line) && lines.length > 0
          ? [...lines.slice(0, -1), `${lines.at(-1)} ${line.trim()}`]
          : [...lines, line],
      [],
    )
    .filter((line) => line.includes(':'))
    .map((line) => ({ name: line.slice(0, line.indexOf(':')), value: line.slice(line.indexOf(':') + 1).trim() }));
}

function HeadersTable({ block }: { block: string }) {
  if (block === '') return <p>Headers were not kept for this mail.</p>;
  return (
    <>
      <h2>Headers</h2>
      <table class="mail-headers">
        <tbody>
          {headerFields(block).map((h) => (
            <tr>
              <th scope="row">{h.name}</th>
              <td>{h.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function mailboxPage(mails: DevMail[]): string {
  const body = (
    <>
      <h1>Dev mailbox</h1>
      <p>
        SMTP_URL is not set, so mail is kept here instead of being sent. Newest first. To try texts:{' '}
        <a href="/dev/sms">send a signed test text</a>.
      </p>
      {mails.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>To</th>
              <th>Subject</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr>
                <td>{m.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</td>
                <td>{m.to}</td>
                <td>
                  <a href={`/dev/mailbox/${m.id}`}>{m.subject}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
  return page('Dev mailbox', body);
}

export function mailPage(mail: DevMail): string {
  const body = (
    <>
      <p>
        <a href="/dev/mailbox">← Dev mailbox</a>
      </p>
      <h1>{mail.subject}</h1>
      <dl>
        <dt>From</dt>
        <dd>{mail.from}</dd>
        <dt>To</dt>
        <dd>{mail.to}</dd>
        <dt>Received</dt>
        <dd>{mail.createdAt.toISOString()}</dd>
      </dl>
      <HeadersTable block={mail.headers} />
      <h2>Text</h2>
      <pre>
        <Linkified text={mail.text} />
      </pre>
    </>
  );
  return page(mail.subject, body);
}
