import type { EntityManager } from 'typeorm';

import { DataSubjectRequest, FulfilmentTask } from '#db';
import { type MailMessage, vendorRequestMail } from '#mail';
import type { EmailVendorSystem } from '#policy';
import { confirmationTokenHash, type SystemRun, type VendorAsked, vendorConfirmationToken } from '#systems';
import { requesterIdentity, vendorSchedule } from '#workflow';

import type { RequestMailDeps } from '../mail/request-mail.context.js';

/** Thrown from a reminder's preparation when the task stopped waiting meanwhile: the mail is not sent. */
export class NoLongerAwaited extends Error {
  override readonly name = 'NoLongerAwaited';
}

/**
 * The mails to a service provider: the request (once per task, however often its run is retried) and each reminder
 * (once per number). Each carries the same confirmation link; its hash is stored with the ledger's `sending` row,
 * so the link works the moment the mail leaves.
 */
export function vendorMails(deps: RequestMailDeps) {
  const { env, clock, dataSource, directory, ledger } = deps;

  /** The mail for a task, its n-th reminder when `reminder` > 0, prepared in the ledger's transaction. */
  async function prepare(
    tx: EntityManager,
    system: EmailVendorSystem,
    task: FulfilmentTask,
    reminder: number,
  ): Promise<{ message: MailMessage; tokenHash: string }> {
    const request = await tx.findOneByOrFail(DataSubjectRequest, { id: task.requestId });
    const context = await directory.forRequest(request);
    const token = vendorConfirmationToken(task.id, env.APP_SECRET);
    const tokenHash = confirmationTokenHash(token);
    await tx.update(FulfilmentTask, { id: task.id }, { confirmationTokenHash: tokenHash });
    const mail = vendorRequestMail({
      organisationName: context.policy.name,
      contact: context.policy.privacyEmail,
      vendorName: system.name,
      reference: request.reference,
      purpose: task.purpose === 'erasure' ? 'erasure' : 'access',
      identity: requesterIdentity({ email: request.requesterEmail, phone: request.requesterPhone }),
      regime: request.regime,
      confirmUrl: new URL(`/vendors/confirm/${token}`, env.PUBLIC_URL).toString(),
      reminder,
    });
    return { message: { to: system.email, ...mail }, tokenHash };
  }

  return {
    async ask(system: EmailVendorSystem, run: SystemRun): Promise<VendorAsked> {
      const task = await dataSource.getRepository(FulfilmentTask).findOneByOrFail({ id: run.taskId });
      let tokenHash = confirmationTokenHash(vendorConfirmationToken(task.id, env.APP_SECRET));
      await ledger.sendOnce(
        {
          key: `vendor-request:${task.id}`,
          organisationId: task.organisationId,
          requestId: task.requestId,
          template: 'vendor_request',
          to: system.email,
        },
        async (tx) => {
          const prepared = await prepare(tx, system, task, 0);
          tokenHash = prepared.tokenHash;
          return prepared.message;
        },
      );
      return { confirmationTokenHash: tokenHash, ...vendorSchedule(clock.now(), system) };
    },

    /**
     * Sends reminder `number` of a task still awaiting its provider; resolves false when it had gone before. Throws
     * NoLongerAwaited when the provider confirmed (or staff closed the task) since the sweep read it.
     */
    remind(system: EmailVendorSystem, task: FulfilmentTask, number: number): Promise<boolean> {
      return ledger.sendOnce(
        {
          key: `vendor-reminder:${task.id}:${number}`,
          organisationId: task.organisationId,
          requestId: task.requestId,
          template: 'vendor_reminder',
          to: system.email,
        },
        async (tx) => {
          const current = await tx
            .createQueryBuilder(FulfilmentTask, 't')
            .where('t.id = :id', { id: task.id })
            .setLock('pessimistic_write')
            .getOne();
          if (current?.state !== 'awaiting_vendor' || current.remindersSent !== number - 1) throw new NoLongerAwaited();
          return (await prepare(tx, system, current, number)).message;
        },
      );
    },
  };
}
