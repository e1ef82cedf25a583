import type { DataSource, EntityManager } from 'typeorm';

import type { Clock } from '#config';
import {
  acceptTransition,
  commitTransition,
  currentDataMap,
  DataSubjectRequest,
  IdentityEvidence,
  lockRequest,
  type OrganisationContext,
  OrganisationDirectory,
  requestFacts,
  RequestNote,
  SYSTEM_ACTOR,
  VerificationDataPoint,
} from '#db';
import { storedLanguage, translator } from '#mail';
import { type ConnectedSystem, type DatabaseSystem, type DataPointKind, findRight, isDatabaseSystem } from '#policy';
import { findHeldDataPoints, type HeldDataPoints } from '#systems';
import {
  answerAsCategories,
  compareDataPoint,
  deny,
  identityLevel,
  isOpen,
  reachedByMatch,
  requesterIdentity,
  shortfallPath,
} from '#workflow';

import type { JobHandlers } from '../job-handlers.js';

export interface IdentityMatchDeps {
  clock: Clock;
  dataSource: DataSource;
  directory: OrganisationDirectory;
  /** Where the systems' connection variables are read: the worker's own environment. */
  systemEnv: Readonly<Record<string, string | undefined>>;
}

/** The database systems whose map says where a data point is held: the ones a match can read. */
function matchableSystems(systems: readonly ConnectedSystem[]): DatabaseSystem[] {
  return systems
    .filter(isDatabaseSystem)
    .filter((system) => system.tables.some((table) => Object.keys(table.verify ?? {}).length > 0));
}

/** Pending, and on a request still open: a withdrawn or purged one has nothing left to verify. */
const stillToMatch = (request: DataSubjectRequest) =>
  request.identityCheck === 'pending' && isOpen(request.status) && !request.purgedAt;

/** What every system holds, together: the person is found if any system finds them. */
function together(held: readonly HeldDataPoints[]): HeldDataPoints {
  const values: Partial<Record<DataPointKind, string[]>> = {};
  for (const one of held)
    for (const [kind, found] of Object.entries(one.values) as [DataPointKind, string[]][])
      values[kind] = [...(values[kind] ?? []), ...found];
  return { personFound: held.some((one) => one.personFound), values };
}

/**
 * Matches the data points a requester gave against the organisation's records, once their email is proven. A
 * system that is down throws, so the job retries with backoff and the request shows the check pending; the
 * deadline runs on regardless. The result per data point is kept, the values themselves are deleted: they were
 * collected for this and nothing else.
 */
export function identityMatchHandlers(deps: IdentityMatchDeps): Pick<JobHandlers, 'verification.match'> {
  const { clock, dataSource, directory, systemEnv } = deps;
  return {
    async 'verification.match'({ requestId }) {
      const request = await dataSource.getRepository(DataSubjectRequest).findOneBy({ id: requestId });
      if (!request || !stillToMatch(request)) return;
      const given = await dataSource.getRepository(VerificationDataPoint).findBy({ requestId });
      const context = await directory.forRequest(request);
      const map = await currentDataMap(dataSource.manager, request.organisationId);
      // Found by the proven address alone: a phone typed on the form is unproven, and could be anyone's.
      const identity = requesterIdentity({ email: request.requesterEmail });
      const systems = matchableSystems(map?.document.systems ?? []);
      const held = together(
        await Promise.all(
          systems.map((system) =>
            findHeldDataPoints({ system, env: systemEnv }, identity, { timeZone: context.organisation.timeZone }),
          ),
        ),
      );
      const results = given.map((point) => ({
        dataPoint: point.kind,
        result: compareDataPoint(point.kind, point.value, held.values[point.kind] ?? [], context.policy.country),
      }));
      const level = identityLevel({
        emailHeld: held.personFound,
        results: results.map((r) => r.result),
        declarationSigned: request.declarationSignedAt !== null,
      });

      await dataSource.transaction(async (tx) => {
        const locked = await lockRequest(tx, { id: requestId });
        // Staff may have decided the degree meanwhile, or the request closed.
        if (!locked || !stillToMatch(locked)) return;
        const at = clock.now();
        locked.identityCheck = 'matched';
        locked.verificationReached = reachedByMatch(level);
        if (results.length > 0)
          await tx
            .createQueryBuilder()
            .insert()
            .into(IdentityEvidence)
            .values(results.map((r) => ({ ...r, organisationId: locked.organisationId, requestId, recordedAt: at })))
            .orIgnore()
            .execute();
        await tx.delete(VerificationDataPoint, { requestId });
        await commitTransition(tx, locked, context, {
          actor: SYSTEM_ACTOR,
          action: 'verification.matched',
          // Kinds and results only: the values never reach the timeline.
          detail: {
            level,
            personFound: held.personFound,
            results: Object.fromEntries(results.map((r) => [r.dataPoint, r.result])),
          },
          mails: [],
          at,
        });
        await followShortfall(tx, locked, context, { consulted: systems.length > 0, at });
      });
    },
  };
}

/**
 * Where the match fell short of the right's degree, what the law sets in motion (libs/workflow shortfallPath): a
 * request for specific pieces answered as one for categories, or a denial whose explanation (in the requester's
 * language) says why and, for a deletion, offers the sale/share opt-out their status page takes.
 */
async function followShortfall(
  tx: EntityManager,
  request: DataSubjectRequest,
  context: OrganisationContext,
  { consulted, at }: { consulted: boolean; at: Date },
): Promise<void> {
  const path = shortfallPath({
    regime: request.regime,
    requestType: request.type,
    required: request.verificationRequired,
    reached: request.verificationReached,
    consulted,
    rights: context.policy.rights,
  });
  const facts = requestFacts(request, context);
  if (path.kind === 'answer_as_categories') {
    const result = answerAsCategories(facts, at, findRight(context.policy, path.rightId)!);
    if (!result.ok) return;
    const change = acceptTransition(request, result);
    await commitTransition(tx, request, context, { actor: SYSTEM_ACTOR, ...change, detail: {}, at });
  }
  if (path.kind === 'deny') {
    const t = translator(storedLanguage(request.language));
    const explanation = [t('identity.notVerified'), ...(path.offerOptOut ? [t('identity.offerOptOut')] : [])].join(
      '\n\n',
    );
    const result = deny(facts, at, 'identity_not_verified', explanation);
    if (!result.ok) return;
    const change = acceptTransition(request, result);
    const note = await tx.save(
      tx.create(RequestNote, { requestId: request.id, kind: 'denial_explanation', authorId: null, text: explanation }),
    );
    const detail = { denialReason: 'identity_not_verified', noteId: note.id, optOutOffered: path.offerOptOut };
    await commitTransition(tx, request, context, { actor: SYSTEM_ACTOR, ...change, detail, at });
  }
}
