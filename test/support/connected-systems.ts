import { createHash, createHmac } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { DataMapVersion, type DataSubjectRequest, FulfilmentTask, Organisation, planFulfilment } from '#db';
import type { DataMap } from '#policy';
import type { FulfilmentPurpose } from '#workflow';

import { eventually } from './eventually.js';

/** Makes `map` the organisation's current data map, as loading its seeds/<slug>.datamap.yaml does. */
export async function useDataMap(db: DataSource, map: DataMap): Promise<void> {
  const organisation = await db.getRepository(Organisation).findOneByOrFail({ slug: map.organisation });
  const document = JSON.parse(JSON.stringify(map)) as DataMap;
  const contentHash = createHash('sha256').update(JSON.stringify(document)).digest('hex');
  const versions = db.getRepository(DataMapVersion);
  // A map used before is made current again, as the seed does with a file put back as it was.
  const version =
    (await versions.findOneBy({ organisationId: organisation.id, contentHash })) ??
    (await versions.save({ organisationId: organisation.id, contentHash, document }));
  await db.getRepository(Organisation).update({ id: organisation.id }, { currentDataMapVersionId: version.id });
}

/** Plans a purpose's tasks for a request, as starting work (or approving an erasure) does; their jobs follow. */
export async function planTasks(
  db: DataSource,
  request: DataSubjectRequest,
  purpose: FulfilmentPurpose,
  at: Date,
): Promise<FulfilmentTask[]> {
  await db.transaction((tx) => planFulfilment(tx, request, purpose, { actor: { id: null, label: 'Test' }, at }));
  return db.getRepository(FulfilmentTask).findBy({ requestId: request.id, purpose });
}

/** The task once it reached one of `states`. */
export async function taskIn(db: DataSource, taskId: string, ...states: string[]): Promise<FulfilmentTask> {
  let task: FulfilmentTask | null = null;
  await eventually(
    async () => {
      task = await db.getRepository(FulfilmentTask).findOneBy({ id: taskId });
      return !!task && states.includes(task.state);
    },
    `task ${taskId} ${states.join(' or ')}`,
  );
  return task!;
}

/** The audit entries of a request with these actions, oldest first. */
export async function auditOf(
  db: DataSource,
  requestId: string,
  ...actions: string[]
): Promise<{ action: string; actor_label: string; detail: Record<string, unknown> }[]> {
  return db.query(
    `SELECT action, actor_label, detail FROM audit_entry WHERE request_id = $1 AND action = ANY($2) ORDER BY seq`,
    [requestId, actions],
  );
}

/**
 * Signs as docs/data-map.md says a service signs, written out here rather than taken from the product: HMAC-SHA256
 * over `<unix seconds>.<raw body>`, sent as `Rightsdesk-Timestamp` and `Rightsdesk-Signature: v1=<hex>`.
 */
export function signedHeaders(secret: string, body: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'rightsdesk-timestamp': timestamp, 'rightsdesk-signature': `v1=${signature}` };
}
