import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import {
  acceptTransition,
  type ChangeActor,
  commitTransition,
  type DataSubjectRequest,
  lockRequest,
  type NoticeAuditDetail,
  type OrganisationContext,
  OrganisationDirectory,
  planFulfilment,
  redeemableToken,
  type RequestChange,
  requestFacts,
  RequestNote,
  type RequestNoteKind,
  ResponseFile,
  tasksOf,
  TeamRepository,
  type TokenRefusal,
  writeOutbox,
} from '#db';
import { DEFAULT_RESPONSE_LINK_DAYS, findRight, internalTargetDaysFor } from '#policy';
import {
  askRequester,
  classifyRequest,
  type DenialReason,
  deny,
  dismissAsNotARequest,
  extendRequest,
  fulfil,
  fulfilmentPurposeFor,
  isOpen,
  linkExpiresAt,
  normaliseEmail,
  normalisePhone,
  outstandingTasks,
  partiallyFulfil,
  redirect,
  reopen,
  requesterReplied,
  type RequestFacts,
  startWork,
  suppressionChannelFor,
  type TransitionResult,
  withdraw,
} from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';
import { containsSensitiveNumber } from '../intake/sensitive-numbers.js';
import { OptOutService } from '../suppression/opt-out.service.js';
import { ActionRefused } from './action-refused.js';
import {
  answeredWithFiles,
  MAX_RESPONSE_FILES,
  safeContentType,
  safeFileName,
  type UploadedFile,
} from './response-upload.js';

/** Who acts: a staff member, or the requester through their status link. */
export type Actor = ChangeActor;

export const MAX_TEXT_LENGTH = 5000;

/** What an action did, for its audit entry and the mails it causes. */
interface Effect extends Pick<RequestChange, 'action' | 'mails'> {
  detail: NoticeAuditDetail & Record<string, unknown>;
}

interface Loaded {
  tx: EntityManager;
  request: DataSubjectRequest;
  facts: RequestFacts;
  context: OrganisationContext;
}

/**
 * Every action on a request, staff's and the requester's reply. Each runs in one transaction: the row
 * locked FOR UPDATE, the workflow's transition, the row, its audit entry and the outbox rows of its mails
 * commit together, and a refusal rolls everything back.
 */
@Injectable()
export class RequestActionsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly optOuts: OptOutService,
  ) {}

  assign(organisationId: string, requestId: string, actor: Actor, assigneeId: string, now: Date): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request }) => {
      refuseClosed(request);
      if (!(await new TeamRepository(tx).works(organisationId, assigneeId)))
        throw ActionRefused.badInput("Choose an agent or admin of this organisation's team to assign the request to.");
      if (request.assigneeId === assigneeId) throw ActionRefused.conflict('The request is already assigned to them.');
      const previousAssigneeId = request.assigneeId;
      request.assigneeId = assigneeId;
      return { action: 'request.assigned', detail: { assigneeId, previousAssigneeId }, mails: [] };
    });
  }

  unassign(organisationId: string, requestId: string, actor: Actor, now: Date): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ request }) => {
      refuseClosed(request);
      if (request.assigneeId === null) throw ActionRefused.conflict('The request has no assignee.');
      const previousAssigneeId = request.assigneeId;
      request.assigneeId = null;
      return { action: 'request.unassigned', detail: { previousAssigneeId }, mails: [] };
    });
  }

  /** Internal notes are allowed at any status: they record, they change nothing. */
  addNote(organisationId: string, requestId: string, actor: Actor, text: string, now: Date): Promise<void> {
    const noteText = requiredText(text, 'The note is empty.');
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request }) => {
      const noteId = await saveNote(tx, request.id, 'internal', actor.id, noteText);
      return { action: 'request.note_added', detail: { noteId }, mails: [] };
    });
  }

  /**
   * The requester withdraws the request: through their agent (a DRP revoke), or by telling staff, who record how it
   * came in and may add what was said (a note, like every staff text). Audited with its route; the requester is mailed.
   */
  withdraw(
    organisationId: string,
    requestId: string,
    actor: Actor,
    input: { route: string; note: string },
    now: Date,
  ): Promise<void> {
    const { route } = input;
    const text = limited(input.note).trim();
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts }) => {
      const effect = transition(request, withdraw(facts, now, route));
      return {
        ...effect,
        detail: { route, ...(text ? { noteId: await saveNote(tx, request.id, 'withdrawal', actor.id, text) } : {}) },
      };
    });
  }

  /** The requester withdraws on their status page, after confirming they mean it. */
  requesterWithdraw(token: string, now: Date): Promise<{ ok: true } | { ok: false; refusal: TokenRefusal }> {
    return this.dataSource.transaction(async (tx) => {
      const found = await redeemableToken(tx, token, 'status', now);
      if (!found.ok) return found;
      await this.performIn(
        tx,
        { id: found.token.requestId },
        { id: null, label: 'requester' },
        now,
        async ({ request, facts }) => ({
          ...transition(request, withdraw(facts, now, 'status_page')),
          detail: { route: 'status_page' },
        }),
      );
      return { ok: true };
    });
  }

  /** Work starts: each connected system gets its task for the request's type (a dry run first, for a deletion). */
  startWork(organisationId: string, requestId: string, actor: Actor, now: Date): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts }) => {
      const effect = transition(request, startWork(facts, now));
      const purpose = fulfilmentPurposeFor(request.type);
      if (purpose) await planFulfilment(tx, request, purpose, { actor, at: now });
      return { ...effect, detail: {} };
    });
  }

  ask(organisationId: string, requestId: string, actor: Actor, question: string, now: Date): Promise<void> {
    const text = requiredText(question, 'Write the question to the requester.');
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts }) => {
      const effect = transition(request, askRequester(facts, now));
      const noteId = await saveNote(tx, request.id, 'question', actor.id, text);
      return { ...effect, detail: { noteId, clockPaused: request.pausedAt !== null } };
    });
  }

  extend(organisationId: string, requestId: string, actor: Actor, reason: string, now: Date): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts }) => {
      const effect = transition(request, extendRequest(facts, now, limited(reason)));
      const noteId = await saveNote(tx, request.id, 'extension_reason', actor.id, request.extensionReason!);
      return { ...effect, detail: { noteId, dueAt: request.dueAt.toISOString() } };
    });
  }

  deny(
    organisationId: string,
    requestId: string,
    actor: Actor,
    input: { reason: string; explanation: string },
    now: Date,
  ): Promise<void> {
    const { reason, explanation } = input;
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts }) => {
      // The workflow refuses any ground it does not allow for the regime and request type, unknown ones included.
      const effect = transition(request, deny(facts, now, reason as DenialReason, limited(explanation)));
      const noteId = await saveNote(tx, request.id, 'denial_explanation', actor.id, request.resolutionText!);
      return { ...effect, detail: { denialReason: request.denialReason ?? undefined, noteId } };
    });
  }

  /** Files for access-like requests (1 to 5), what was done for the others. */
  fulfil(
    organisationId: string,
    requestId: string,
    actor: Actor,
    input: { resolution: string; files: UploadedFile[] },
    now: Date,
  ): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts, context }) => {
      await refuseWhileSystemsOutstanding(tx, request);
      const effect = transition(request, fulfil(facts, now));
      if (!answeredWithFiles(request.type)) {
        request.resolutionText = requiredText(input.resolution, 'Say what was done: the requester is told.');
        return {
          ...effect,
          detail: { noteId: await saveNote(tx, request.id, 'resolution', actor.id, request.resolutionText) },
        };
      }
      if (input.files.length === 0)
        throw ActionRefused.badInput(`Upload the response: 1 to ${MAX_RESPONSE_FILES} files.`);
      return { ...effect, detail: await this.storeResponse(tx, { request, context, actor, now }, input.files) };
    });
  }

  /** What was withheld must be said; access-like requests may carry the files of the part answered. */
  partiallyFulfil(
    organisationId: string,
    requestId: string,
    actor: Actor,
    input: { reason: string; files: UploadedFile[] },
    now: Date,
  ): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts, context }) => {
      await refuseWhileSystemsOutstanding(tx, request);
      const effect = transition(request, partiallyFulfil(facts, now, limited(input.reason)));
      const detail: Effect['detail'] = {
        noteId: await saveNote(tx, request.id, 'partial_reason', actor.id, request.resolutionText!),
      };
      if (input.files.length === 0) return { ...effect, detail };
      if (!answeredWithFiles(request.type))
        throw ActionRefused.badInput('Only access, portability and categories requests are answered with files.');
      return {
        ...effect,
        detail: { ...detail, ...(await this.storeResponse(tx, { request, context, actor, now }, input.files)) },
      };
    });
  }

  redirect(organisationId: string, requestId: string, actor: Actor, controller: string, now: Date): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts }) => {
      const effect = transition(request, redirect(facts, now, limited(controller)));
      return {
        ...effect,
        detail: { noteId: await saveNote(tx, request.id, 'redirect', actor.id, request.redirectedTo!) },
      };
    });
  }

  reopen(organisationId: string, requestId: string, actor: Actor, reason: string, now: Date): Promise<void> {
    const text = limited(reason);
    return this.perform(organisationId, requestId, actor, now, async ({ tx, request, facts }) => {
      const effect = transition(request, reopen(facts, now, text));
      return { ...effect, detail: { noteId: await saveNote(tx, request.id, 'reopen_reason', actor.id, text.trim()) } };
    });
  }

  /**
   * Names the right a mailed-in request exercises, under the policy version it arrived under. Then, as for a form
   * request: a verification link to the sender's address, or for an opt-out (no verification) a receipt saying
   * what will be done by when.
   */
  /**
   * Staff read a mail to the privacy address and name the right it asks for. An opt-out is then honoured at once
   * with its suppression, as on every other channel; any other right waits for the sender to verify.
   */
  classify(organisationId: string, requestId: string, actor: Actor, rightId: string, now: Date): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      let optOut: { request: DataSubjectRequest; context: OrganisationContext; address: string } | undefined;
      await this.performIn(tx, { id: requestId, organisationId }, actor, now, async ({ request, facts, context }) => {
        const right = findRight(context.policy, rightId);
        if (!right) throw ActionRefused.badInput("Choose one of the rights the organisation's policy grants.");
        const channel = suppressionChannelFor(right.type);
        const address =
          channel === 'sms' ? normalisePhone(request.requesterPhone ?? '') : normaliseEmail(request.requesterEmail);
        if (channel && !address) {
          throw ActionRefused.badInput(
            'This mail gives no phone number to stop texting; the sender can reply STOP to any text instead.',
          );
        }
        const effect = transition(
          request,
          classifyRequest(facts, now, right, internalTargetDaysFor(context.policy, right.id)),
        );
        if (channel && address) optOut = { request, context, address };
        else await writeOutbox(tx, 'verification.send', { requestId: request.id }, 'initial');
        return { ...effect, detail: { rightId: right.id, dueAt: request.dueAt.toISOString() } };
      });
      if (optOut)
        await this.optOuts.fulfil(tx, optOut.request, {
          context: optOut.context,
          source: 'privacy_mailbox',
          address: optOut.address,
          at: now,
          confirmedBy: 'mail',
        });
    });
  }

  /** Spam and other mail that asks for nothing: closed, and the sender is not answered. */
  dismiss(organisationId: string, requestId: string, actor: Actor, now: Date): Promise<void> {
    return this.perform(organisationId, requestId, actor, now, async ({ request, facts }) => ({
      ...transition(request, dismissAsNotARequest(facts, now)),
      detail: {},
    }));
  }

  /** The requester answers a question through their status link; under GDPR the clock runs again from now. */
  requesterReply(token: string, text: string, now: Date): Promise<{ ok: true } | { ok: false; refusal: TokenRefusal }> {
    const reply = requiredText(text, 'Write your answer before sending it.');
    // As on the request form: we never collect these, even when offered.
    if (containsSensitiveNumber(reply)) {
      throw ActionRefused.badInput(
        'Please remove the Social Security or card number from your answer: we do not need it and do not keep it.',
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const found = await redeemableToken(tx, token, 'status', now);
      if (!found.ok) return found;
      await this.performIn(
        tx,
        { id: found.token.requestId },
        { id: null, label: 'requester' },
        now,
        async ({ request, facts }) => {
          const effect = transition(request, requesterReplied(facts, now));
          const noteId = await saveNote(tx, request.id, 'requester_reply', null, reply);
          return { ...effect, detail: { noteId, dueAt: request.dueAt.toISOString() } };
        },
      );
      return { ok: true };
    });
  }

  private async storeResponse(
    tx: EntityManager,
    {
      request,
      context,
      actor,
      now,
    }: { request: DataSubjectRequest; context: OrganisationContext; actor: Actor; now: Date },
    files: UploadedFile[],
  ): Promise<Effect['detail']> {
    if (files.length > MAX_RESPONSE_FILES) throw ActionRefused.badInput(`Upload at most ${MAX_RESPONSE_FILES} files.`);
    if (actor.id === null) throw new Error('Only staff upload response files');
    const saved = await tx.save(
      files.map((file) =>
        tx.create(ResponseFile, {
          requestId: request.id,
          fileName: safeFileName(file.originalname),
          contentType: safeContentType(file.mimetype),
          size: file.size,
          content: file.buffer,
          uploadedBy: actor.id!,
        }),
      ),
    );
    request.responseAvailableUntil = linkExpiresAt(
      now,
      context.policy.settings.responseLinkDays ?? DEFAULT_RESPONSE_LINK_DAYS,
    );
    return { fileIds: saved.map((f) => f.id), availableUntil: request.responseAvailableUntil.toISOString() };
  }

  private perform(
    organisationId: string,
    requestId: string,
    actor: Actor,
    now: Date,
    step: (loaded: Loaded) => Promise<Effect>,
  ): Promise<void> {
    return this.dataSource.transaction((tx) => this.performIn(tx, { id: requestId, organisationId }, actor, now, step));
  }

  private async performIn(
    tx: EntityManager,
    where: { id: string; organisationId?: string },
    actor: Actor,
    now: Date,
    step: (loaded: Loaded) => Promise<Effect>,
  ): Promise<void> {
    const request = isUuid(where.id) ? await lockRequest(tx, where) : null;
    if (!request) throw new NotFoundException('There is no such request here.');
    // Retention removed the requester's data: what is left is the legal record, and it stays as it is.
    if (request.purgedAt)
      throw ActionRefused.conflict(
        "The requester's personal data was removed under the retention policy: this request can no longer be changed.",
      );
    const context = await this.directory.forRequest(request);
    const effect = await step({ tx, request, facts: requestFacts(request, context), context });
    await commitTransition(tx, request, context, { actor, ...effect, at: now });
  }
}

/** Applies an accepted transition to the row; a refusal becomes the page's message. */
function transition(request: DataSubjectRequest, result: TransitionResult): Omit<Effect, 'detail'> {
  if (!result.ok) throw ActionRefused.fromWorkflow(result.error);
  return acceptTransition(request, result);
}

function refuseClosed(request: DataSubjectRequest): void {
  if (!isOpen(request.status))
    throw ActionRefused.conflict(`The request is already ${request.status}; reopen it first.`);
}

/** Free text up to the limit; whether it may be empty is the workflow's or the caller's decision. */
function limited(text: string): string {
  if (text.length > MAX_TEXT_LENGTH)
    throw ActionRefused.badInput(`The text is too long: at most ${MAX_TEXT_LENGTH} characters.`);
  return text;
}

function requiredText(text: string, whenEmpty: string): string {
  const trimmed = limited(text).trim();
  if (!trimmed) throw ActionRefused.badInput(whenEmpty);
  return trimmed;
}

async function saveNote(
  tx: EntityManager,
  requestId: string,
  kind: RequestNoteKind,
  authorId: string | null,
  text: string,
): Promise<string> {
  const note = await tx.save(tx.create(RequestNote, { requestId, kind, authorId, text }));
  return note.id;
}

/**
 * Nothing is marked done while a connected system still owes its part: staff retry it, or close it with a reason.
 * A deletion whose dry run was made is done only once the erasure itself was approved.
 */
async function refuseWhileSystemsOutstanding(tx: EntityManager, request: DataSubjectRequest): Promise<void> {
  const tasks = await tasksOf(tx, request.organisationId, request.id);
  const outstanding = outstandingTasks(tasks);
  if (outstanding.length > 0) {
    const names = [...new Set(outstanding.map((task) => task.systemId))].join(', ');
    throw ActionRefused.conflict(
      `Connected systems still outstanding: ${names}. Retry them or close them with a reason.`,
    );
  }
  const purposes = new Set(tasks.map((task) => task.purpose));
  if (purposes.has('erasure_preview') && !purposes.has('erasure'))
    throw ActionRefused.conflict('Approve the erasure first: the dry run is only a preview.');
}
