import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';

import type { OrganisationContext } from '#db';
import { type GpcDecision, gpcDecision } from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';

/** Sec-GPC: "1" is the only value the spec defines; anything else, or none, is no signal. */
export function sendsGpc(req: Request): boolean {
  return req.get('Sec-GPC')?.trim() === '1';
}

/** Global Privacy Control on an organisation's pages: what it means there, and the record of each signal. */
@Injectable()
export class GpcSignals {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The organisation's decision for this request's signal; null when the browser sent none. */
  decisionFor(req: Request, context: OrganisationContext): GpcDecision | null {
    return sendsGpc(req) ? gpcDecision(context.policy) : null;
  }

  /**
   * An anonymous page view's signal: the organisation, when and the outcome, nothing about the visitor. Counted
   * in the day's row for that outcome rather than a row per view: every page view of a GPC browser sends it.
   */
  async recordPageView(context: OrganisationContext, decision: GpcDecision, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO gpc_signal (organisation_id, received_at, outcome, reason, context, day, views)
       VALUES ($1, $2, $3, $4, 'page_view', $5, 1)
       ON CONFLICT (organisation_id, day, outcome) WHERE context = 'page_view'
       DO UPDATE SET views = gpc_signal.views + 1, received_at = GREATEST(gpc_signal.received_at, EXCLUDED.received_at), reason = EXCLUDED.reason`,
      [
        context.organisation.id,
        at,
        decision.outcome,
        decision.outcome === 'ignored' ? decision.reason : null,
        at.toISOString().slice(0, 10),
      ],
    );
  }
}
