import { randomBytes, randomInt } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { sleep } from './support/eventually.js';
import { composeMail, deliverToMailbox } from './support/inbound-mail.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { DEFAULT_TXT_RECORDS } from './support/test-dns.js';

const WEST = { slug: 'west-schoolmessenger', address: 'privacy@west.com' };
const PER_SENDER = 3;
const PER_IP = 5;
/** Long enough for any acknowledgement the outbox would send to reach the sink. */
const SETTLE_MS = 4_000;
/**
 * The limits count per sending IP across the whole mailbox, and other suites mail from 127.0.0.1 within the same
 * hour: this suite sends from a loopback address of its own, which its senders' SPF names.
 */
const SENDING_IP = `127.${1 + randomInt(254)}.${randomInt(256)}.${1 + randomInt(254)}`;

describe('the privacy mailbox is no relay: acknowledgements only to aligned senders, and only so many', () => {
  const tag = randomBytes(4).toString('hex');
  const system = useRunningSystem({
    extraEnv: { INBOUND_ACK_LIMIT_PER_SENDER: String(PER_SENDER), INBOUND_ACK_LIMIT_PER_IP: String(PER_IP) },
    // The victim's domain lets no server send for it (SPF -all) and asks receivers to reject what fails (DMARC).
    dnsRecords: {
      ...DEFAULT_TXT_RECORDS,
      'example.org': [`v=spf1 ip4:${SENDING_IP} -all`],
      'victim.example': ['v=spf1 -all'],
      '_dmarc.victim.example': ['v=DMARC1; p=reject'],
    },
    db: 'typeorm',
  });
  let account: StaffAccount;

  beforeAll(async () => {
    account = await createStaff({ [WEST.slug]: 'agent' }, 'Abuse Agent');
  }, 60_000);

  async function mailThirty(
    from: (i: number) => string,
    envelopeFrom: (i: number) => string,
    words: string,
  ): Promise<void> {
    for (let batch = 0; batch < 3; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, j) => {
          const i = batch * 10 + j;
          const source = await composeMail({
            from: `${words} <${from(i)}>`,
            to: WEST.address,
            subject: `${words} ${i}`,
            text: `${words}, mail ${i}.`,
          });
          const outcome = await deliverToMailbox(
            system.mailboxPort,
            { from: envelopeFrom(i), to: [WEST.address] },
            source,
            SENDING_IP,
          );
          expect(outcome.response).toMatch(/^250 /);
        }),
      );
    }
  }

  const stored = (from: string): Promise<{ id: string; acknowledgement: string; aligned: boolean }[]> =>
    system.db.query(
      `SELECT r.id, m.acknowledgement, (m.authentication->>'aligned')::boolean AS aligned
         FROM inbound_message m JOIN data_subject_request r ON r.id = m.request_id WHERE lower(m.from_address) = lower($1)`,
      [from],
    );

  it('thirty mails with a forged From: all stored for staff, none acknowledged to the victim, and staff see why', async () => {
    const victim = `victim-${tag}@victim.example`;
    const spam = `Cheap pills at spam-${tag}.example`;
    await mailThirty(
      () => victim,
      () => victim,
      spam,
    );
    await sleep(SETTLE_MS);
    expect(system.sink.mailsTo(victim)).toHaveLength(0);

    const rows = await stored(victim);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => `${r.acknowledgement}/${r.aligned}`))).toEqual(
      new Set(['withheld_unaligned/false']),
    );

    const staff = await signIn(system.baseUrl, account);
    const page = await staff.get(`/staff/orgs/${WEST.slug}/requests/${rows[0].id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(
      /id="mail-authentication">SPF fail, DKIM none, DMARC fail: the From address is not vouched for by its domain \(victim\.example\) and may be forged\./,
    );
    expect(page.body).toContain(
      'id="mail-acknowledgement">Not sent: the sender’s domain did not vouch for the From address',
    );
  }, 90_000);

  it('aligned senders get at most the limit per address and per sending IP, quoting nothing they wrote; every mail is stored', async () => {
    const sender = `flood-${tag}@example.org`;
    const words = `Buy now at flood-${tag}.example`;
    await mailThirty(
      () => sender,
      () => sender,
      words,
    );
    await sleep(SETTLE_MS);
    const acks = system.sink.mailsTo(sender);
    expect(acks).toHaveLength(PER_SENDER);
    for (const ack of acks) {
      expect(ack.subject + ack.text + ack.html).not.toContain(`flood-${tag}.example`);
      expect(ack.text).not.toContain('Buy now');
    }
    const rows = await stored(sender);
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.acknowledgement === 'acknowledged')).toHaveLength(PER_SENDER);
    expect(rows.filter((r) => r.acknowledgement === 'withheld_sender_limit')).toHaveLength(30 - PER_SENDER);
    const staff = await signIn(system.baseUrl, account);
    const withheld = rows.find((r) => r.acknowledgement === 'withheld_sender_limit')!;
    const page = await staff.get(`/staff/orgs/${WEST.slug}/requests/${withheld.id}`);
    expect(page.body).toContain('DMARC pass: example.org vouches for the From address.');
    expect(page.body).toContain(
      'Not sent: this address was sent as many acknowledgements in the last hour as the mailbox allows.',
    );

    // Thirty different aligned senders from the same server: the IP's limit holds across them.
    const many = (i: number) => `many-${i}-${tag}@example.org`;
    await mailThirty(many, many, `Hello from many-${tag}`);
    await sleep(SETTLE_MS);
    const manyAcks = Array.from({ length: 30 }, (_, i) => system.sink.mailsTo(many(i)).length).reduce(
      (a, b) => a + b,
      0,
    );
    expect(manyAcks).toBe(PER_IP - PER_SENDER);
    const [{ n }]: { n: number }[] = await system.db.query(
      `SELECT count(*)::int AS n FROM inbound_message WHERE client_address = $1 AND acknowledgement = 'acknowledged' AND from_address LIKE $2`,
      [SENDING_IP, `%${tag}@example.org`],
    );
    expect(n).toBe(PER_IP);
    const [{ stored: all }]: { stored: number }[] = await system.db.query(
      `SELECT count(*)::int AS stored FROM inbound_message WHERE from_address LIKE $1`,
      [`many-%-${tag}@example.org`],
    );
    expect(all).toBe(30);
  }, 120_000);
});
