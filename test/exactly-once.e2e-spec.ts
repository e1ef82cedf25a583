import type { ChildProcess } from 'node:child_process';

import { afterEach, describe, expect, it } from '@jest/globals';

import { sleep } from './support/eventually.js';
import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import {
  repeatedMails,
  requesterAddresses,
  storedFor,
  submitForEach,
  verificationMailsTo,
  waitFor,
  waitForVerificationMails,
} from './support/mail-delivery.js';
import { localTcpPortsOf } from './support/process-sockets.js';
import { queueState } from './support/queue-state.js';
import { DedicatedRedis } from './support/redis-server.js';
import { killProcess, type RunningSystem, startSystem } from './support/running-system.js';
import { SmtpSink } from './support/smtp-sink.js';

/** A killed worker's jobs go to another within the claim plus two stalled checks: seconds, not a minute. */
const FAST_RECOVERY = { WORKER_LOCK_MS: '3000', WORKER_STALLED_CHECK_MS: '1000' };
/** Longer than a dead worker's jobs take to come back, so a late duplicate would have arrived. */
const SETTLE_MS = 6_000;

describe('each mail reaches the SMTP server exactly once', () => {
  let sink: SmtpSink | undefined;
  let system: RunningSystem | undefined;
  let redis: DedicatedRedis | undefined;

  afterEach(async () => {
    await system?.stop();
    await sink?.stop();
    await redis?.stop();
    [system, sink, redis] = [undefined, undefined, undefined];
  }, 30_000);

  async function expectEachMailedOnce(mailSink: SmtpSink, emails: string[]): Promise<void> {
    expect(repeatedMails(mailSink, emails)).toEqual([]);
    for (const email of emails) expect(verificationMailsTo(mailSink, email)).toHaveLength(1);
    const stored = await storedFor(emails);
    expect(stored.requests).toBe(emails.length);
    expect(Object.fromEntries(stored.ledgerRows)).toEqual(Object.fromEntries(emails.map((e) => [e, 1])));
  }

  it('with two worker processes on the same queues, every verification mail arrives once and none is lost', async () => {
    sink = await SmtpSink.start();
    system = await startSystem({ smtpUrl: sink.url, workers: 2 });
    const workers = system.workers;
    const mailSink = sink;
    // Which worker holds which SMTP connection: sampled while the mails flow, since pooled connections come and go.
    const portOwner = new Map<number, number>();
    const sample = () =>
      workers.forEach((worker: ChildProcess, index) => {
        for (const port of localTcpPortsOf(worker.pid!)) portOwner.set(port, index);
      });
    const sampler = setInterval(sample, 25);
    const emails = requesterAddresses('two-workers', 40);
    try {
      await submitForEach(system.baseUrl, emails, 10);
      await waitForVerificationMails(mailSink, emails, 30_000);
    } finally {
      clearInterval(sampler);
    }
    sample();
    await sleep(SETTLE_MS);

    await expectEachMailedOnce(mailSink, emails);
    expect(workers.every((w) => w.exitCode === null)).toBe(true);
    // Both processes really sent: otherwise this would say nothing about two workers.
    const senders = new Set(emails.flatMap((e) => mailSink.mailsTo(e)).map((m) => portOwner.get(m.clientPort)));
    expect([...senders].sort()).toEqual([0, 1]);
  }, 90_000);

  it('a worker killed (SIGKILL) in the middle of sending: the mails cut off mid-DATA are sent once by the next worker, none twice', async () => {
    sink = await SmtpSink.start({ gate: true });
    // Every message's end of data is held: the worker's sends stay mid-DATA until we kill it.
    sink.holdEndOfData(8_000);
    system = await startSystem({ smtpUrl: sink.url, extraEnv: FAST_RECOVERY });
    const mailSink = sink;
    const [first] = system.workers;
    const emails = requesterAddresses('sigkill', 15);
    await submitForEach(system.baseUrl, emails, 5);

    await waitFor(
      () => mailSink.sendsHeld >= 3,
      20_000,
      () => `three sends in flight, ${mailSink.sendsHeld} are`,
    );
    const inFlight = mailSink.sendsHeld;
    expect(mailSink.mails).toHaveLength(0);
    await killProcess(first, 'SIGKILL');
    // The server saw each of those connections drop before the end of its message: nothing was delivered.
    await waitFor(
      () => mailSink.cutOff >= inFlight,
      5_000,
      () => `${inFlight} cut-off messages, ${mailSink.cutOff} seen`,
    );
    expect(mailSink.mails).toHaveLength(0);

    mailSink.holdEndOfData(0);
    system.startWorker();
    await waitForVerificationMails(mailSink, emails, 45_000);
    await sleep(SETTLE_MS);

    await expectEachMailedOnce(mailSink, emails);
    // The mail that arrived carries the link in force (the killed send's token was replaced): it confirms.
    for (const email of emails) {
      const [mail] = verificationMailsTo(mailSink, email);
      const verifyUrl = linkIn(mail.text, system.baseUrl, '/v/');
      const client = new FormClient(system.baseUrl);
      const page = await client.get(verifyUrl);
      expect(page.status).toBe(200);
      const confirmed = await client.post(verifyUrl, { _csrf: csrfTokenIn(page.body) });
      expect(confirmed.body).toContain('your request is confirmed');
    }
  }, 120_000);

  it('workers SIGKILLed one after another while sending, three times: every mail arrives exactly once', async () => {
    sink = await SmtpSink.start({ gate: true });
    // Every end of message is held until the end: each worker's sends stay mid-DATA until it is killed. With no
    // more jobs than a worker runs at once (10), each worker takes them all, so every job's worker dies three times.
    sink.holdEndOfData(120_000);
    system = await startSystem({ smtpUrl: sink.url, extraEnv: FAST_RECOVERY });
    const [mailSink, running] = [sink, system];
    const emails = requesterAddresses('sigkill-repeated', 10);
    await submitForEach(running.baseUrl, emails, 5);

    let worker = running.workers[0];
    for (let kill = 1; kill <= 3; kill++) {
      const cutBefore = mailSink.cutOff;
      await waitFor(
        () => mailSink.sendsHeld >= 2,
        30_000,
        () => `kill ${kill}: two sends in flight, ${mailSink.sendsHeld} are`,
      );
      const inFlight = mailSink.sendsHeld;
      await killProcess(worker, 'SIGKILL');
      await waitFor(
        () => mailSink.cutOff >= cutBefore + inFlight,
        5_000,
        () => `kill ${kill}: ${inFlight} cut-off messages`,
      );
      worker = running.startWorker();
    }
    expect(mailSink.mails).toHaveLength(0);
    mailSink.holdEndOfData(0);
    await waitForVerificationMails(mailSink, emails, 60_000);
    await sleep(SETTLE_MS);

    await expectEachMailedOnce(mailSink, emails);
    expect(mailSink.cutOff).toBeGreaterThanOrEqual(6);
    expect(running.workers.filter((w) => w.signalCode === 'SIGKILL')).toHaveLength(3);
  }, 180_000);

  it('Redis stopped during 200 submissions, then restarted: all 200 are accepted and stored, and each gets its verification mail once', async () => {
    redis = await DedicatedRedis.start();
    sink = await SmtpSink.start();
    system = await startSystem({ smtpUrl: sink.url, extraEnv: { REDIS_URL: redis.url } });
    const mailSink = sink;
    // The pipeline runs on this Redis before it goes away.
    const [warmUp] = requesterAddresses('redis-warm-up', 1);
    await submitForEach(system.baseUrl, [warmUp]);
    await waitForVerificationMails(mailSink, [warmUp], 15_000);

    await redis.stop();
    const emails = requesterAddresses('redis-down', 200);
    const durations = await submitForEach(system.baseUrl, emails, 10);
    expect(durations).toHaveLength(200);
    // The rate limiter fails open at once instead of waiting on Redis.
    expect(Math.max(...durations)).toBeLessThan(3_000);
    await sleep(1_500);
    // While Redis is down, the jobs wait in Postgres and no mail leaves.
    expect(emails.filter((e) => mailSink.mailsTo(e).length > 0)).toEqual([]);
    const waiting = await storedFor(emails);
    expect(waiting.requests).toBe(200);
    expect(waiting.unrelayedJobs).toBe(200);

    await redis.restart();
    await waitForVerificationMails(mailSink, emails, 90_000);
    await sleep(SETTLE_MS);

    await expectEachMailedOnce(mailSink, [warmUp, ...emails]);
    expect((await storedFor(emails)).unrelayedJobs).toBe(0);
  }, 180_000);

  it('Redis restarted empty (it keeps nothing on disk) while jobs wait in it: the jobs it forgot run once, and the job schedulers come back', async () => {
    redis = await DedicatedRedis.start();
    sink = await SmtpSink.start({ gate: true });
    // Sends are held mid-DATA, so the worker stays busy and the other jobs wait in Redis, relayed and nowhere else.
    sink.holdEndOfData(4_000);
    system = await startSystem({ smtpUrl: sink.url, extraEnv: { REDIS_URL: redis.url } });
    const mailSink = sink;
    const emails = requesterAddresses('redis-forgot', 60);
    await submitForEach(system.baseUrl, emails, 10);
    await waitFor(
      () => mailSink.sendsHeld >= 3,
      20_000,
      () => 'sends in flight',
    );
    await waitFor(
      async () => (await storedFor(emails)).unrelayedJobs === 0,
      10_000,
      () => 'every job relayed to Redis',
    );
    const before = await queueState(redis.url);
    expect(before.waiting).toBeGreaterThan(0);
    expect(before.schedulers.length).toBeGreaterThan(0);

    await redis.stop();
    await redis.restart();
    mailSink.holdEndOfData(0);
    await waitForVerificationMails(mailSink, emails, 60_000);
    await sleep(SETTLE_MS);

    await expectEachMailedOnce(mailSink, emails);
    expect((await queueState(redis.url)).schedulers).toEqual(before.schedulers);
  }, 150_000);
});
