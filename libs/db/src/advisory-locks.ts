import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Every advisory lock the system takes, by what it serialises. Keys that belong to one organisation start with its
 * id, so two organisations never wait on each other.
 */
export const lockKeys = {
  /** Appends to an organisation's audit chain. */
  auditChain: (organisationId: string) => `audit:${organisationId}`,
  /** Suppression writes: the change feed's order is commit order, and one address is suppressed once. */
  suppressions: (organisationId: string) => `suppression:${organisationId}`,
  /** Team changes: the last admin cannot be removed by two admins at once. */
  team: (organisationId: string) => `staff:${organisationId}`,
  /** One person's requests of one organisation, counted against the policy's frequency limit. */
  requestFrequency: (organisationId: string, email: string) => `frequency:${organisationId}:${email}`,
  /** One inbound mail, stored once per organisation however many times it is delivered. */
  inboundMessage: (organisationId: string, messageKey: string) => `inbound:${organisationId}:${messageKey}`,
  /** Acknowledgements of inbound mail counted per sender and per sending server (no organisation: the limit spans them). */
  inboundAckSender: (sender: string) => `inbound-ack-sender:${sender}`,
  inboundAckServer: (address: string) => `inbound-ack-ip:${address}`,
  /** One mail job's send, across workers. */
  mailSend: (jobId: string) => `mail:${jobId}`,
  /** One mail job's final failure, recorded once. */
  mailFailure: (jobId: string) => `mail-failed:${jobId}`,
  /** One request's DRP status callbacks, posted in order by one worker at a time. */
  drpCallback: (requestId: string) => `drp-status-callback:${requestId}`,
  /** Publishing a policy: one new organisation per slug, and one organisation's versions one at a time. */
  policyPublish: (slug: string) => `policy-publish:${slug}`,
  /** The retention run: one worker purges at a time. */
  retentionRun: () => 'retention.purge',
} as const;

const KEY_HASH = 'hashtextextended($1, 0)';

/** Waits for the lock and holds it until the transaction ends. */
export async function lockUntilCommit(tx: EntityManager, key: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${KEY_HASH})`, [key]);
}

/** Runs `work` holding a session lock on the runner's connection, for work that spans transactions. */
export async function withSessionLock<T>(runner: QueryRunner, key: string, work: () => Promise<T>): Promise<T> {
  await runner.query(`SELECT pg_advisory_lock(${KEY_HASH})`, [key]);
  try {
    return await work();
  } finally {
    // A lost connection released the lock already; its error must not hide the work's.
    await runner.query(`SELECT pg_advisory_unlock(${KEY_HASH})`, [key]).catch(() => undefined);
  }
}

/** Runs `work` only when no other session holds the lock; false when another does. */
export async function trySessionLock(runner: QueryRunner, key: string, work: () => Promise<void>): Promise<boolean> {
  const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock(${KEY_HASH}) AS locked`, [key])) as {
    locked: boolean;
  }[];
  if (!locked) return false;
  try {
    await work();
    return true;
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(${KEY_HASH})`, [key]);
  }
}
