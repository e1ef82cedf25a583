import pg from 'pg';

import { submitRequest } from './requester.js';
import type { SmtpSink, SunkMail } from './smtp-sink.js';
import { testDatabaseUrl } from './test-env.js';

/** Rights that need the requester's email verified, across regimes: each submission mails a verification link. */
const VERIFIED_RIGHTS = [
  { slug: 'securus-software', rightId: 'access' },
  { slug: 'securus-technologies', rightId: 'ccpa-know' },
  { slug: 'west-schoolmessenger', rightId: 'access' },
] as const;

export const VERIFICATION_SUBJECT = 'Confirm your privacy request';

/** Fresh requester addresses for one test. */
export function requesterAddresses(label: string, count: number): string[] {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return Array.from({ length: count }, (_, i) => `${label}-${run}-${i}@example.org`);
}

/**
 * Files one request per address on the public forms, `parallel` at a time, cycling through organisations.
 * Every submission must be accepted (submitRequest throws otherwise); returns each one's duration in ms.
 */
export async function submitForEach(baseUrl: string, emails: string[], parallel = 8): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < emails.length) {
      const i = next++;
      const { slug, rightId } = VERIFIED_RIGHTS[i % VERIFIED_RIGHTS.length];
      const started = performance.now();
      await submitRequest(baseUrl, slug, emails[i], rightId);
      durations.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return durations;
}

/** Polls until the condition holds; fails saying what it waited for and how far it got. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function verificationMailsTo(sink: SmtpSink, email: string): SunkMail[] {
  return sink.mailsTo(email).filter((m) => m.subject.startsWith(VERIFICATION_SUBJECT));
}

/** Resolves once every address has its verification mail. */
export async function waitForVerificationMails(sink: SmtpSink, emails: string[], timeoutMs: number): Promise<void> {
  const missing = () => emails.filter((e) => verificationMailsTo(sink, e).length === 0);
  await waitFor(
    () => missing().length === 0,
    timeoutMs,
    () => `verification mail to ${missing().length} of ${emails.length} addresses`,
  );
}

/** How many times each (address, subject) arrived, for the pairs that arrived more than once. */
export function repeatedMails(sink: SmtpSink, emails: string[]): string[] {
  const counts = new Map<string, number>();
  for (const email of emails) {
    for (const mail of sink.mailsTo(email)) {
      const key = `${email} "${mail.subject}"`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`);
}

/** What the database holds for the addresses: requests, and the verification mails the ledger recorded. */
export async function storedFor(
  emails: string[],
): Promise<{ requests: number; ledgerRows: Map<string, number>; unrelayedJobs: number }> {
  const db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  try {
    const requests = await db.query<{ email: string; sent: string }>(
      `SELECT r.requester_email AS email, count(s.id) AS sent
         FROM data_subject_request r LEFT JOIN sent_message s ON s.request_id = r.id AND s.template = 'verification'
        WHERE r.requester_email = ANY($1) GROUP BY r.id, r.requester_email`,
      [emails],
    );
    const unrelayed = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM outbox_message o JOIN data_subject_request r ON r.id = (o.payload->>'requestId')::uuid
        WHERE r.requester_email = ANY($1) AND o.job_name = 'verification.send' AND o.relayed_at IS NULL`,
      [emails],
    );
    return {
      requests: requests.rowCount ?? 0,
      ledgerRows: new Map(requests.rows.map((r) => [r.email, Number(r.sent)])),
      unrelayedJobs: Number(unrelayed.rows[0].n),
    };
  } finally {
    await db.end();
  }
}
