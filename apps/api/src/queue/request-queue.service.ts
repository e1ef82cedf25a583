import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DataSubjectRequest, type OrganisationContext } from '#db';
import { daysLeft } from '#workflow';
import { DATA_SOURCE } from '../infra/tokens.js';
import type { ListRequestsQuery } from './list-requests.query.js';

export interface QueuedRequest {
  id: string;
  reference: string;
  type: string;
  regime: string;
  channel: string;
  status: string;
  receivedAt: string;
  verifiedAt: string | null;
  acknowledgeBy: string | null;
  dueAt: string;
  extendedDueAt: string | null;
  daysLeft: number;
  policyVersion: string;
}

interface Cursor {
  dueAt: string;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.dueAt, c.id])).toString('base64url');

function decodeCursor(value: string): Cursor {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString()) as [string, string];
    if (Number.isNaN(Date.parse(dueAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('shape');
    return { dueAt, id };
  } catch {
    throw new BadRequestException('cursor must be a nextCursor value from a previous page');
  }
}

/** One organisation's requests by due date, keyset-paginated on (due_at, id) through its index. */
@Injectable()
export class RequestQueueService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async list(context: OrganisationContext, query: ListRequestsQuery, now: Date): Promise<{ items: QueuedRequest[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .getRepository(DataSubjectRequest)
      .createQueryBuilder('r')
      // Only the version label of the policy, not its whole document.
      .innerJoin('r.policyVersion', 'pv')
      .addSelect(['pv.id', 'pv.version'])
      .where('r.organisation_id = :org', { org: context.organisation.id })
      .orderBy('r.due_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit + 1);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere('(r.due_at, r.id) > (:cursorDue, :cursorId)', { cursorDue: cursor.dueAt, cursorId: cursor.id });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const timeZone = context.organisation.timeZone;
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        reference: r.reference,
        type: r.type,
        regime: r.regime,
        channel: r.channel,
        status: r.status,
        receivedAt: r.receivedAt.toISOString(),
        verifiedAt: r.verifiedAt?.toISOString() ?? null,
        acknowledgeBy: r.acknowledgeBy?.toISOString() ?? null,
        dueAt: r.dueAt.toISOString(),
        extendedDueAt: r.extendedDueAt?.toISOString() ?? null,
        daysLeft: daysLeft(r.dueAt, now, timeZone),
        policyVersion: r.policyVersion!.version,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ dueAt: last.dueAt.toISOString(), id: last.id }) : null,
    };
  }
}
