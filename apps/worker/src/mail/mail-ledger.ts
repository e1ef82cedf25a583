import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '#config';
import { appendAudit, isDatabaseUnavailable, SentMessage } from '#db';
import type { Mailer, MailMessage } from '#mail';

/** How long a sent mail waits for the database to come back to record it, before its job fails (and would send again). */
const RECORD_PATIENCE_MS = 5 * 60_000;
const UNIQUE_VIOLATION = '23505';

export interface LedgerEntry {
  /** Deterministic: the job id that causes the mail. */
  key: string;
  /** Null for a mail about a staff account rather than an organisation's work (a password reset): no timeline entry. */
  organisationId: string | null;
  requestId: string | null;
  template: string;
  to: string;
}

/**
 * Sends a mail at most once per key. A session advisory lock on the key makes a second worker with the
 * same key wait, then find the ledger row and skip. What the mail links to (tokens made by `prepare`) is
 * committed before the mail leaves, so a link opened at once works; the ledger row is written once SMTP
 * accepted the message, so an SMTP failure leaves no row and the retry sends. A database outage right after the
 * send is waited out: failing then would leave a mail that went out unrecorded, and its retry would send it again.
 */
export class MailLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  /** Returns false when this key was already sent. */
  async sendOnce(entry: LedgerEntry, prepare: (tx: EntityManager) => Promise<MailMessage>): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lockKey = `mail:${entry.key}`;
    try {
      await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockKey]);
      if (await runner.manager.existsBy(SentMessage, { key: entry.key })) return false;
      const message = await runner.manager.transaction((tx) => prepare(tx));
      const { messageId } = await this.mailer.send(message);
      await this.record(runner.manager, entry, messageId);
      return true;
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]).catch(() => undefined);
      await runner.release();
    }
  }

  /** The ledger row and the timeline entry of a mail that left, through a database outage if need be. */
  private async record(lockHolder: EntityManager, entry: LedgerEntry, messageId: string): Promise<void> {
    const deadline = Date.now() + RECORD_PATIENCE_MS;
    // First on the lock's connection (taking another could wait on a pool the other sends hold); once the server
    // dropped that one, on a pooled connection, whose slot the dropped one freed.
    let manager = lockHolder;
    for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
      try {
        await manager.transaction(async (tx) => {
          await tx.insert(SentMessage, { key: entry.key, requestId: entry.requestId, template: entry.template, recipient: entry.to, messageId });
          if (entry.organisationId === null) return;
          // On the request's timeline, without the address: the audit log keeps no requester data.
          await appendAudit(tx, {
            organisationId: entry.organisationId,
            requestId: entry.requestId,
            actorLabel: 'system',
            action: 'mail.sent',
            detail: { template: entry.template, jobId: entry.key },
            at: this.clock.now(),
          });
        });
        return;
      } catch (error) {
        // An earlier try committed and only its answer was lost: recorded.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && (await manager.existsBy(SentMessage, { key: entry.key }))) return;
        if (!isDatabaseUnavailable(error) || Date.now() + wait > deadline) throw error;
        manager = this.dataSource.manager;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}
