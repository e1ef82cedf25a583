import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { appendAudit, DataMapVersion, DataSubjectRequest, FulfilmentTask, StaffAlert } from '#db';
import type { EmailVendorSystem } from '#policy';
import { reminderAfter, vendorFollowUp } from '#workflow';

import type { JobHandlers } from '../job-handlers.js';
import type { RequestMailDeps } from '../mail/request-mail.context.js';
import { NoLongerAwaited, vendorMails } from './vendor-mail.js';

/** Tasks followed up per run; more wait for the next run, an interval later. */
const BATCH = 500;

/**
 * Follows up service providers asked by mail who have not confirmed: a reminder each `remind_every_days` (the same
 * link each time), and once `escalate_after_days` have passed, a staff alert and a timeline entry, raised once. Each
 * task is followed up on its own: one that fails (a mail refused) does not hold up the others, and is tried again
 * by the next run.
 */
export function vendorSweepHandlers(deps: RequestMailDeps): Pick<JobHandlers, 'fulfilment.vendor_sweep'> {
  const { clock, dataSource } = deps;
  const mails = vendorMails(deps);
  const logger = new Logger('vendor-sweep');

  async function remind(system: EmailVendorSystem, task: FulfilmentTask): Promise<void> {
    const number = task.remindersSent + 1;
    try {
      await mails.remind(system, task, number);
    } catch (error) {
      if (error instanceof NoLongerAwaited) return;
      throw error;
    }
    // Sent now or by a run that stopped before this step: either way reminder `number` went out.
    await dataSource
      .createQueryBuilder()
      .update(FulfilmentTask)
      .set({ remindersSent: number, nextReminderAt: reminderAfter(clock.now(), system) })
      .where("id = :id AND state = 'awaiting_vendor' AND reminders_sent = :previous", {
        id: task.id,
        previous: number - 1,
      })
      .execute();
  }

  return {
    async 'fulfilment.vendor_sweep'() {
      const now = clock.now();
      const due = await dataSource
        .getRepository(FulfilmentTask)
        .createQueryBuilder('t')
        .where("t.state = 'awaiting_vendor' AND t.system_kind = 'email_vendor'")
        .andWhere('(t.next_reminder_at <= :now OR (t.escalated_at IS NULL AND t.escalation_due_at <= :now))', { now })
        .orderBy('t.next_reminder_at', 'ASC')
        .limit(BATCH)
        .getMany();
      const systems = new Map<string, EmailVendorSystem[]>();
      let failed = 0;
      for (const task of due) {
        try {
          const system = await vendorOf(dataSource, systems, task);
          if (!system) {
            logger.warn(`task ${task.id}: ${task.systemId} is not a service provider in its data map version`);
            continue;
          }
          const owed = vendorFollowUp(task, now);
          if (owed.escalate) await escalate(dataSource, system, task, now);
          if (owed.remind) await remind(system, task);
        } catch (error) {
          failed++;
          // The error's name only: a mail server's words quote the provider's address.
          logger.error(`task ${task.id}: follow-up failed (${(error as Error).name})`);
        }
      }
      if (failed > 0) throw new Error(`${failed} of ${due.length} service provider follow-ups failed`);
    },
  };
}

async function vendorOf(
  dataSource: DataSource,
  cache: Map<string, EmailVendorSystem[]>,
  task: FulfilmentTask,
): Promise<EmailVendorSystem | undefined> {
  let vendors = cache.get(task.dataMapVersionId);
  if (!vendors) {
    const version = await dataSource.getRepository(DataMapVersion).findOneByOrFail({ id: task.dataMapVersionId });
    vendors = version.document.systems.filter((s): s is EmailVendorSystem => s.kind === 'email_vendor');
    cache.set(task.dataMapVersionId, vendors);
  }
  return vendors.find((s) => s.id === task.systemId);
}

/** Staff's alert and a timeline entry, under the task's lock: a second sweep finds it escalated and does nothing. */
async function escalate(dataSource: DataSource, system: EmailVendorSystem, task: FulfilmentTask, now: Date) {
  await dataSource.transaction(async (tx) => {
    const current = await tx
      .createQueryBuilder(FulfilmentTask, 't')
      .where('t.id = :id', { id: task.id })
      .setLock('pessimistic_write')
      .getOne();
    if (current?.state !== 'awaiting_vendor' || current.escalatedAt) return;
    await tx.update(FulfilmentTask, { id: current.id }, { escalatedAt: now });
    const request = await tx.findOneByOrFail(DataSubjectRequest, { id: current.requestId });
    const asked = current.purpose === 'erasure' ? 'to delete the person’s data' : 'for the person’s data';
    await tx.insert(StaffAlert, {
      organisationId: current.organisationId,
      requestId: current.requestId,
      kind: 'vendor_not_confirmed',
      message: `${system.name} has not confirmed request ${request.reference} (asked ${asked}) after ${system.escalateAfterDays} days and ${current.remindersSent} reminder${current.remindersSent === 1 ? '' : 's'}. Contact them; once they answer, close the system on the request page with what they said, or wait for their confirmation link.`,
      createdAt: now,
    });
    await appendAudit(tx, {
      organisationId: current.organisationId,
      requestId: current.requestId,
      actorLabel: 'system',
      action: 'fulfilment.vendor_escalated',
      detail: {
        systemId: current.systemId,
        purpose: current.purpose,
        days: system.escalateAfterDays,
        reminders: current.remindersSent,
      },
      at: now,
    });
  });
}
