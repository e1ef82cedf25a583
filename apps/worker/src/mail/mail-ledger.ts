import type { DataSource, EntityManager } from 'typeorm';

import type { Clock } from '#config';
import { appendAudit, isDatabaseUnavailable, lockKeys, SentMessage, StaffAlert, withSessionLock } from '#db';
import type { Mailer, MailMessage } from '#mail';
import { afterUncertainSend } from '#workflow';

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
 * committed before the mail leaves, together with a `sending` row, so a link opened at once works; the row
 * becomes `sent` once SMTP accepted the message, and an SMTP failure removes it so the retry sends. A row still
 * `sending` on a retry means a worker died mid-send, perhaps after the server's 250: the mail is sent again or
 * staff are alerted instead, as `afterUncertainSend` says for its template. A database outage right after the
 * send is waited out: failing then would leave a mail that went out unrecorded.
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
    try {
      return await withSessionLock(runner, lockKeys.mailSend(entry.key), () =>
        this.sendLocked(runner.manager, entry, prepare),
      );
    } finally {
      await runner.release();
    }
  }

  /** The send itself, under the key's lock held on `manager`'s connection. */
  private async sendLocked(
    manager: EntityManager,
    entry: LedgerEntry,
    prepare: (tx: EntityManager) => Promise<MailMessage>,
  ): Promise<boolean> {
    const previous = await manager.findOneBy(SentMessage, { key: entry.key });
    if (previous && previous.status !== 'sending') return false;
    // Only a request's own mails are withheld; staff account mails belong to no organisation and are resent.
    if (previous && entry.organisationId !== null && afterUncertainSend(entry.template) === 'alert') {
      await this.alertUncertain(manager, entry, entry.organisationId);
      return false;
    }
    const message = await manager.transaction(async (tx) => {
      const prepared = await prepare(tx);
      if (!previous)
        await tx.insert(SentMessage, {
          key: entry.key,
          requestId: entry.requestId,
          template: entry.template,
          recipient: entry.to,
          status: 'sending',
        });
      return prepared;
    });
    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send(message));
    } catch (error) {
      // The server refused it or was never reached: nothing left, and the retry sends.
      await manager.delete(SentMessage, { key: entry.key, status: 'sending' }).catch(() => undefined);
      throw error;
    }
    await this.record(manager, entry, messageId);
    return true;
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
          await tx.update(SentMessage, { key: entry.key }, { status: 'sent', messageId });
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
        // An earlier try may have committed with only its answer lost: the audit entry is then there too.
        if (
          (error as { code?: string }).code === UNIQUE_VIOLATION &&
          (await manager.existsBy(SentMessage, { key: entry.key, status: 'sent' }))
        )
          return;
        if (!isDatabaseUnavailable(error) || Date.now() + wait > deadline) throw error;
        manager = this.dataSource.manager;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** The mail may have gone: staff are told once (timeline and an alert), and the row says it was not resent. */
  private async alertUncertain(manager: EntityManager, entry: LedgerEntry, organisationId: string): Promise<void> {
    await manager.transaction(async (tx) => {
      const now = this.clock.now();
      await tx.update(SentMessage, { key: entry.key }, { status: 'uncertain' });
      await appendAudit(tx, {
        organisationId,
        requestId: entry.requestId,
        actorLabel: 'system',
        action: 'mail.uncertain',
        detail: { template: entry.template, jobId: entry.key },
        at: now,
      });
      await tx.insert(StaffAlert, {
        organisationId,
        requestId: entry.requestId,
        kind: 'mail_may_have_been_sent',
        message: `The ${entry.template.replaceAll('_', ' ')} mail may have been sent: the worker stopped while the mail server was taking it. It was not sent again, since it carries the requester’s data. Check with the requester before sending anything again; the status page offers the same downloads.`,
        createdAt: now,
      });
    });
  }
}
