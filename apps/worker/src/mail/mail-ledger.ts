import type { DataSource, EntityManager } from 'typeorm';
import { appendAudit, SentMessage } from '#db';
import type { Mailer, MailMessage } from '#mail';

export interface LedgerEntry {
  /** Deterministic: the job id that causes the mail. */
  key: string;
  organisationId: string;
  requestId: string | null;
  template: string;
  to: string;
}

/**
 * Sends a mail at most once per key. The ledger row is inserted first, inside a transaction held open
 * until SMTP accepted the message: a second worker with the same key waits on the row's unique index and
 * then finds it committed; an SMTP failure rolls the row back so a retry can send.
 */
export class MailLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
  ) {}

  /** Returns false when this key was already sent. `prepare` runs in the same transaction (e.g. to issue link tokens). */
  async sendOnce(entry: LedgerEntry, prepare: (tx: EntityManager) => Promise<MailMessage>): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(SentMessage)
        .values({ key: entry.key, requestId: entry.requestId, template: entry.template, recipient: entry.to })
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return false;
      const message = await prepare(tx);
      const { messageId } = await this.mailer.send(message);
      await tx.update(SentMessage, { key: entry.key }, { messageId });
      // On the request's timeline, without the address: the audit log keeps no requester data.
      await appendAudit(tx, {
        organisationId: entry.organisationId,
        requestId: entry.requestId,
        actorLabel: 'system',
        action: 'mail.sent',
        detail: { template: entry.template, jobId: entry.key },
      });
      return true;
    });
  }
}
