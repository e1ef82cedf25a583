import type { EntityManager } from 'typeorm';

import { type DataPointKind, internalTargetDaysFor, type Language, offeredLanguages, type PolicyRight } from '#policy';
import { computeDeadlines, initialStatus, type ProvisionalDeadlines, requiresVerification } from '#workflow';

import { appendAudit } from './audit-log.js';
import {
  DataSubjectRequest,
  type RequestChannel,
  type RequesterRelationship,
} from './entities/data-subject-request.entity.js';
import { VerificationDataPoint } from './entities/verification-data-point.entity.js';
import type { OrganisationContext } from './organisation.directory.js';
import { newRequestReference } from './request-reference.js';
import { rescheduleRequest } from './request-schedule.js';

/** Who asked, as each channel knows them. SMS senders have a number and no address. */
export interface Requester {
  name: string;
  email: string;
  phone: string | null;
  relationship: RequesterRelationship;
  details: string;
  /** As chosen on the form; other channels write in the organisation's first language. */
  language?: Language;
}

/** What a requester gave to prove who they are, beside the email address they prove by link. */
export interface IdentityClaim {
  /** As typed, each kind once; compared with the organisation's records, used for nothing else. */
  dataPoints: { kind: DataPointKind; value: string }[];
  /** The declaration under penalty of perjury: the name typed as signature and the date written (YYYY-MM-DD). */
  declaration?: { name: string; date: string };
}

interface NewRequestOf {
  requester: Requester;
  identity?: IdentityClaim;
  channel: RequestChannel;
  receivedAt: Date;
  /** What else the `request.received` entry records (a mail's attachment count and acknowledgement). */
  receivedDetail?: Record<string, unknown>;
}

/**
 * A request for the right it exercises; or a mail to the privacy address awaiting triage, which waits for staff to
 * name its right: held to the provisional right with the earliest dates, it needs no verification until then, and
 * its timeline entry names no right.
 */
export type NewRequest = NewRequestOf &
  ({ right: PolicyRight; awaitingTriage?: never } | { right?: never; awaitingTriage: ProvisionalDeadlines });

/**
 * Stores a new request with its reference, deadlines, `request.received` timeline entry and scheduled events, in the
 * caller's transaction; run the transaction through `withFreshReference`. The caller writes what comes next
 * (verification mail, an opt-out's fulfilment, a mail's receipt).
 */
export async function insertRequest(
  tx: EntityManager,
  context: OrganisationContext,
  input: NewRequest,
): Promise<DataSubjectRequest> {
  const { organisation, policyVersion, policy, calendar } = context;
  const { requester, channel, receivedAt, awaitingTriage, identity } = input;
  const right = awaitingTriage ? awaitingTriage.right : input.right;
  const deadlines = input.right
    ? computeDeadlines({
        regime: right.regime,
        requestType: right.type,
        receivedAt,
        timeZone: organisation.timeZone,
        calendar,
        internalTargetDays: internalTargetDaysFor(policy, right.id),
      })
    : undefined;
  const dates = awaitingTriage ?? deadlines!;
  const request = await tx.save(
    tx.create(DataSubjectRequest, {
      reference: newRequestReference(),
      organisationId: organisation.id,
      policyVersionId: policyVersion.id,
      rightId: right.id,
      type: right.type,
      regime: right.regime,
      channel,
      status: awaitingTriage ? 'received_by_email' : initialStatus(right.type),
      requesterName: requester.name,
      requesterEmail: requester.email,
      requesterPhone: requester.phone,
      relationship: requester.relationship,
      details: requester.details,
      language: requester.language ?? offeredLanguages(policy)[0],
      receivedAt,
      clockStartedAt: receivedAt,
      acknowledgeBy: dates.acknowledgeBy,
      dueAt: dates.dueAt,
      verificationRequired: input.right && requiresVerification(right.type) ? input.right.verification : 'none',
      declarationName: identity?.declaration?.name ?? null,
      declarationDate: identity?.declaration?.date ?? null,
      declarationSignedAt: identity?.declaration ? receivedAt : null,
    }),
  );
  if (identity?.dataPoints.length) {
    await tx.insert(
      VerificationDataPoint,
      identity.dataPoints.map(({ kind, value }) => ({
        organisationId: organisation.id,
        requestId: request.id,
        kind,
        value,
      })),
    );
  }
  await appendAudit(tx, {
    organisationId: organisation.id,
    requestId: request.id,
    actorLabel: 'requester',
    action: 'request.received',
    detail: {
      channel,
      ...(awaitingTriage ? {} : { rightId: right.id }),
      dueAt: request.dueAt,
      // Which kinds were given and whether a declaration was signed; never what they say.
      ...(identity?.dataPoints.length ? { dataPointKinds: identity.dataPoints.map((p) => p.kind) } : {}),
      ...(identity?.declaration ? { declarationSigned: true } : {}),
      ...input.receivedDetail,
    },
    at: receivedAt,
  });
  // The dates just computed schedule its reminders; a held mail's are computed from its provisional right.
  await rescheduleRequest(tx, request, context, receivedAt, deadlines);
  return request;
}

const REFERENCE_ATTEMPTS = 5;
const UNIQUE_VIOLATION = '23505';

/** Runs a transaction that makes a request again when its random reference collided with another's. */
export async function withFreshReference<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const collided = (error as { code?: string }).code === UNIQUE_VIOLATION && /reference/.test(String(error));
      if (!collided || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}
