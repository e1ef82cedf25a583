import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import type { Clock } from '#config';
import { appendAudit, lockKeys, Organisation, OrganisationDirectory, trySessionLock } from '#db';
import { DEFAULT_IDENTITY_DOCUMENT_DAYS, DEFAULT_RETENTION_DAYS, REQUEST_RECORD_RETENTION_MONTHS } from '#policy';
import { identityDocumentCutoff, OPEN_STATUSES, retentionCutoffs } from '#workflow';

import type { JobHandlers } from '../job-handlers.js';

export interface RetentionDeps {
  dataSource: DataSource;
  clock: Clock;
  directory: OrganisationDirectory;
}

/** Rows per transaction: short locks, and a crash loses at most one batch of progress (the next run redoes it). */
const BATCH = 200;

interface Closed {
  id: string;
  reference: string;
  requester_email: string;
  closed_at: Date;
}

/**
 * Retention, per organisation: requests closed longer than its retentionDays lose the requester's personal
 * data (the §7101 record stays: dates, type, channel, outcome, denial ground); requests closed longer than
 * the record period are deleted. Closed requests are found through ix_request_closed; open ones are never
 * touched. Rows are locked SKIP LOCKED, so a staff action in progress (a reopen) wins and the row waits for
 * the next run; running twice changes nothing the first run did not. Identity documents go sooner, a set number
 * of days after staff decide on them (identityDocumentDays), open request or not: they have done their work.
 */

export function retentionHandlers(deps: RetentionDeps): Pick<JobHandlers, 'retention.purge'> {
  const logger = new Logger('retention');

  async function purgeOrganisation(
    organisationId: string,
    purgeBefore: Date,
    deleteBefore: Date,
    now: Date,
  ): Promise<number> {
    let purged = 0;
    // Walks the index in closed_at order from where the last batch ended; what a batch took is purged, so the
    // next one skips it by purged_at even where closing times tie. Older rows are gone: deletion ran first.
    let from = deleteBefore;
    for (;;) {
      const batch = await deps.dataSource.transaction(async (tx) => {
        const rows: Closed[] = await tx.query(
          `SELECT id, reference, requester_email, closed_at FROM data_subject_request
            WHERE closed_at IS NOT NULL AND closed_at >= $3 AND closed_at < $2
              AND organisation_id = $1 AND purged_at IS NULL AND status <> ALL($4)
            ORDER BY closed_at LIMIT $5 FOR UPDATE SKIP LOCKED`,
          [organisationId, purgeBefore, from, OPEN_STATUSES, BATCH],
        );
        if (rows.length > 0) await purgeRequests(tx, organisationId, rows, now);
        return rows;
      });
      purged += batch.length;
      if (batch.length < BATCH) return purged;
      from = batch[batch.length - 1].closed_at;
    }
  }

  async function deleteOrganisation(organisationId: string, deleteBefore: Date, now: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      const count = await deps.dataSource.transaction(async (tx) => {
        const rows: { id: string }[] = await tx.query(
          `SELECT id FROM data_subject_request
            WHERE closed_at IS NOT NULL AND closed_at < $2 AND organisation_id = $1 AND status <> ALL($3)
            ORDER BY closed_at LIMIT $4 FOR UPDATE SKIP LOCKED`,
          [organisationId, deleteBefore, OPEN_STATUSES, BATCH],
        );
        if (rows.length > 0)
          await deleteRequests(
            tx,
            organisationId,
            rows.map((r) => r.id),
            now,
          );
        return rows.length;
      });
      deleted += count;
      if (count < BATCH) return deleted;
    }
  }

  /** Documents staff decided on before the cutoff, each with a timeline entry on its request (no content). */
  async function deleteDecidedDocuments(organisationId: string, decidedBefore: Date, now: Date): Promise<number> {
    return deps.dataSource.transaction(async (tx) => {
      const [rows]: [{ request_id: string }[], number] = await tx.query(
        `DELETE FROM identity_document WHERE organisation_id = $1 AND decided_at < $2 RETURNING request_id`,
        [organisationId, decidedBefore],
      );
      for (const row of rows)
        await appendAudit(tx, {
          organisationId,
          requestId: row.request_id,
          actorLabel: 'system',
          action: 'identity_document.deleted',
          detail: { documents: 1 },
          at: now,
        });
      return rows.length;
    });
  }

  return {
    async 'retention.purge'() {
      // One run at a time: a run that overlaps one in progress stands down instead of racing it over the same rows.
      const runner = deps.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await trySessionLock(runner, lockKeys.retentionRun(), purgeAll);
      } finally {
        await runner.release();
      }
    },
  };

  async function purgeAll(): Promise<void> {
    const now = deps.clock.now();
    const organisations = await deps.dataSource.getRepository(Organisation).find({ order: { slug: 'ASC' } });
    for (const organisation of organisations) {
      const context = await deps.directory.bySlug(organisation.slug);
      if (!context) continue;
      const { purgeClosedBefore, deleteClosedBefore } = retentionCutoffs({
        now,
        timeZone: organisation.timeZone,
        retentionDays: context.policy.settings.retentionDays ?? DEFAULT_RETENTION_DAYS,
        recordMonths: REQUEST_RECORD_RETENTION_MONTHS,
      });
      const documents = await deleteDecidedDocuments(
        organisation.id,
        identityDocumentCutoff({
          now,
          timeZone: organisation.timeZone,
          days: context.policy.settings.identityDocumentDays ?? DEFAULT_IDENTITY_DOCUMENT_DAYS,
        }),
        now,
      );
      const deleted = await deleteOrganisation(organisation.id, deleteClosedBefore, now);
      const purged = await purgeOrganisation(organisation.id, purgeClosedBefore, deleteClosedBefore, now);
      // Texts to the SMS number keep the sender's number and words; an opt-out they made closed when they came,
      // so they go on the same clock. The suppression itself stays: it is what keeps the texts from coming.
      const texts: [unknown, number] = await deps.dataSource.query(
        'DELETE FROM inbound_sms WHERE organisation_id = $1 AND received_at < $2',
        [organisation.id, purgeClosedBefore],
      );
      if (purged + deleted + texts[1] + documents > 0)
        logger.log(
          `${organisation.slug}: ${purged} request(s) purged, ${deleted} deleted, ${texts[1]} text(s) removed, ${documents} identity document(s) deleted`,
        );
    }
  }
}

/**
 * Blanks what identifies the requester and every free text written about them (staff's texts are notes, and the
 * row's copies of what the requester was told), and removes what they sent or were sent; the minimal record stays.
 */
async function purgeRequests(tx: EntityManager, organisationId: string, rows: Closed[], now: Date): Promise<void> {
  const ids = rows.map((r) => r.id);
  // An authorised agent's name and address and the consumer's signed permission go with the rest; the agent's
  // receipt in the dev mailbox too, so it is read before the rows are deleted.
  const agents: { request_id: string; email: string }[] = await tx.query(
    'SELECT request_id, email FROM request_agent WHERE request_id = ANY($1)',
    [ids],
  );
  const referenceOf = new Map(rows.map((r) => [r.id, r.reference]));
  const recipients = [
    ...rows.map((r) => ({ email: r.requester_email, reference: r.reference })),
    ...agents.map((a) => ({ email: a.email, reference: referenceOf.get(a.request_id)! })),
  ];
  await tx.query(
    `UPDATE data_subject_request
        SET requester_name = '', requester_email = '', requester_phone = NULL, details = '', declaration_name = NULL,
            extension_reason = NULL, resolution_text = NULL, redirected_to = NULL, purged_at = $2, updated_at = $2
      WHERE id = ANY($1)`,
    [ids, now],
  );
  // What an authorised agent was last sent and told repeats the extension's reason or the controller named.
  await tx.query(
    `UPDATE drp_status_callback
        SET queued_status = queued_status - 'processing_details', delivered_status = delivered_status - 'processing_details'
      WHERE request_id = ANY($1)`,
    [ids],
  );
  await tx.query(`UPDATE drp_status_change SET status = status - 'processing_details' WHERE request_id = ANY($1)`, [
    ids,
  ]);
  // inbound_message: the mail a request came as, with its attachments (they cascade). request_agent: an agent's
  // details and the consumer's signed permission. verification_data_point and identity_document: what was given
  // to prove identity.
  for (const table of [
    'request_note',
    'response_file',
    'request_token',
    'deadline_event',
    'inbound_message',
    'request_agent',
    'verification_data_point',
    'identity_document',
  ]) {
    await tx.query(`DELETE FROM ${table} WHERE request_id = ANY($1)`, [ids]);
  }
  await tx.query(`UPDATE sent_message SET recipient = '' WHERE request_id = ANY($1)`, [ids]);
  // What connected systems gave for the person, and staff's words closing a system; the tasks' counts stay as record.
  await tx.query(
    `DELETE FROM system_findings f USING fulfilment_task t WHERE f.task_id = t.id AND t.request_id = ANY($1)`,
    [ids],
  );
  await tx.query(`UPDATE fulfilment_task SET reason = NULL WHERE request_id = ANY($1) AND state = 'closed'`, [ids]);
  // The dev mailbox (no SMTP configured) keeps whole mails: those to the requester or agent about this request go too.
  await tx.query(
    `DELETE FROM dev_mail d USING unnest($1::text[], $2::text[]) AS p(email, reference)
      WHERE d.recipient = p.email AND strpos(d.text, p.reference) > 0`,
    [recipients.map((r) => r.email), recipients.map((r) => r.reference)],
  );
  for (const id of ids) {
    await appendAudit(tx, { organisationId, requestId: id, actorLabel: 'system', action: 'request.purged', at: now });
  }
}

/** The record's time is up: the row goes (notes, files, tokens and events cascade), with what points at it. */
async function deleteRequests(tx: EntityManager, organisationId: string, ids: string[], now: Date): Promise<void> {
  await tx.query('DELETE FROM sent_message WHERE request_id = ANY($1)', [ids]);
  await tx.query('DELETE FROM staff_alert WHERE request_id = ANY($1)', [ids]);
  await tx.query('DELETE FROM data_subject_request WHERE id = ANY($1)', [ids]);
  // The audit log stays (it holds no personal data) and says why the request is gone.
  for (const id of ids) {
    await appendAudit(tx, { organisationId, requestId: id, actorLabel: 'system', action: 'request.deleted', at: now });
  }
}
