import {
  BadRequestException,
  ConflictException,
  GoneException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { DataMapVersion, DataSubjectRequest, FulfilmentTask, type RecordedOutcome, recordSystemOutcome } from '#db';
import { checkSignature, readServiceAnswer, type SignatureProblem } from '#systems';

import { DATA_SOURCE, SYSTEM_ENV } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';

/** The headers and raw body of a service's callback, as they arrived. */
export interface SignedCallback {
  timestamp?: string | string[];
  signature?: string | string[];
  body: Buffer;
}

const SIGNATURE_REFUSAL: Record<SignatureProblem, string> = {
  missing: 'Sign the callback: Rightsdesk-Timestamp and Rightsdesk-Signature headers are required.',
  malformed: 'Rightsdesk-Timestamp must be unix seconds and Rightsdesk-Signature "v1=" and 64 hex digits.',
  out_of_window: 'Rightsdesk-Timestamp is more than 5 minutes away from our clock: sign the callback as you send it.',
  mismatch: 'The signature does not match this body under the system’s shared secret.',
};

const SERVICE_ERRORS = ['refused', 'failed'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A service's signed callback with the result of a run it answered 202. The signature is checked with the shared
 * secret of the system the task was planned under, before anything of the body is read; the result is recorded only
 * while the task awaits it, so a replayed callback, even within the signature's window, changes nothing.
 */
@Injectable()
export class SystemCallbackService {
  private readonly logger = new Logger('system-callback');

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SYSTEM_ENV) private readonly systemEnv: Readonly<Record<string, string | undefined>>,
  ) {}

  async receive(taskId: string, callback: SignedCallback, now: Date): Promise<{ recorded: RecordedOutcome['state'] }> {
    const task = isUuid(taskId) ? await this.dataSource.getRepository(FulfilmentTask).findOneBy({ id: taskId }) : null;
    if (!task || task.systemKind !== 'http') throw new NotFoundException('There is no such task to call back for.');
    const secret = await this.secretOf(task);
    const checked = checkSignature(secret, callback, callback.body, now);
    if (!checked.ok) throw new UnauthorizedException(SIGNATURE_REFUSAL[checked.problem]);
    const outcome = this.outcomeOf(task, callback.body);
    return this.dataSource.transaction(async (tx) => {
      const current = await tx
        .createQueryBuilder(FulfilmentTask, 't')
        .where('t.id = :id', { id: task.id })
        .setLock('pessimistic_write')
        .getOne();
      if (current?.state === 'running')
        throw new ConflictException(
          'The task’s run is still being recorded: send the callback again in a few seconds.',
        );
      if (current?.state !== 'awaiting_vendor')
        throw new ConflictException('This task is not awaiting a result: a result is taken once.');
      const request = await tx.findOneByOrFail(DataSubjectRequest, { id: current.requestId });
      // The person's data is gone from Rightsdesk by retention: rows found now would outlive it.
      if (request.purgedAt) throw new GoneException('The request this task belongs to is closed and its data removed.');
      await recordSystemOutcome(tx, current, outcome, now);
      return { recorded: outcome.state };
    });
  }

  /** The shared secret of the task's system, from the environment of this process, as the worker signs with it. */
  private async secretOf(task: FulfilmentTask): Promise<string> {
    const version = await this.dataSource.getRepository(DataMapVersion).findOneByOrFail({ id: task.dataMapVersionId });
    const system = version.document.systems.find((s) => s.id === task.systemId);
    const secret = system?.kind === 'http' ? this.systemEnv[system.secret] : undefined;
    if (!secret) {
      this.logger.warn(`callback for task ${task.id}: the shared secret of ${task.systemId} is not set for the api`);
      throw new ServiceUnavailableException('This system’s shared secret is not configured here yet: try again later.');
    }
    return secret;
  }

  /** `{ task, tables }` (access), `{ task, counts }` (erasure), or `{ task, error: "refused" | "failed" }`. */
  private outcomeOf(task: FulfilmentTask, body: Buffer): RecordedOutcome {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BadRequestException('The callback body is not JSON.');
    }
    if (!isRecord(parsed) || parsed.task !== task.id)
      throw new BadRequestException('The callback body must be a JSON object whose "task" is the task in its URL.');
    if (parsed.error !== undefined) {
      if (!(SERVICE_ERRORS as readonly unknown[]).includes(parsed.error))
        throw new BadRequestException(`"error" must be one of ${SERVICE_ERRORS.join(', ')}.`);
      return { state: 'failed', errorClass: parsed.error as string };
    }
    const read = readServiceAnswer(task.purpose, parsed);
    if (!read.ok) throw new BadRequestException(`The result cannot be recorded: ${read.problem}.`);
    return { state: 'done', ...read.result };
  }
}
