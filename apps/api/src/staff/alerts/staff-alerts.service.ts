import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { appendAudit, StaffAlert } from '#db';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import type { Actor } from '../../requests/request-actions.service.js';

/** Open alerts shown at once; the oldest beyond wait until these are resolved. */
const SHOWN = 50;

export interface OpenAlert {
  id: string;
  kind: string;
  message: string;
  createdAt: Date;
  request: { id: string; reference: string } | null;
}

export interface OpenAlerts {
  alerts: OpenAlert[];
  /** All unresolved alerts, shown or not. */
  total: number;
}

/** What staff must look at that no mail could tell them, per organisation, until someone resolves it. */
@Injectable()
export class StaffAlertsService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async open(organisationId: string): Promise<OpenAlerts> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT a.id, a.kind, a.message, a.created_at, r.id AS request_id, r.reference
           FROM staff_alert a
           LEFT JOIN data_subject_request r ON r.id = a.request_id AND r.organisation_id = a.organisation_id
          WHERE a.organisation_id = $1 AND a.resolved_at IS NULL
          ORDER BY a.created_at DESC, a.id LIMIT $2`,
        [organisationId, SHOWN],
      ) as Promise<
        {
          id: string;
          kind: string;
          message: string;
          created_at: Date;
          request_id: string | null;
          reference: string | null;
        }[]
      >,
      this.dataSource.query(
        'SELECT count(*)::int AS total FROM staff_alert WHERE organisation_id = $1 AND resolved_at IS NULL',
        [organisationId],
      ) as Promise<{ total: number }[]>,
    ]);
    return {
      total,
      alerts: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        message: r.message,
        createdAt: r.created_at,
        request: r.request_id && r.reference ? { id: r.request_id, reference: r.reference } : null,
      })),
    };
  }

  /** Marks the organisation's alert resolved, on the request's timeline; resolving it again changes nothing. */
  async resolve(organisationId: string, alertId: string, actor: Actor, now: Date): Promise<void> {
    const notFound = new NotFoundException('There is no such alert here.');
    if (!isUuid(alertId)) throw notFound;
    await this.dataSource.transaction(async (tx) => {
      const alert = await tx
        .createQueryBuilder(StaffAlert, 'a')
        .where('a.id = :id AND a.organisation_id = :org', { id: alertId, org: organisationId })
        .setLock('pessimistic_write')
        .getOne();
      if (!alert) throw notFound;
      if (alert.resolvedAt) return;
      await tx.update(StaffAlert, { id: alert.id }, { resolvedAt: now });
      await appendAudit(tx, {
        organisationId,
        requestId: alert.requestId,
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'alert.resolved',
        detail: { alertId: alert.id, kind: alert.kind },
        at: now,
      });
    });
  }
}
