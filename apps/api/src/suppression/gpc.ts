import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { GpcSignal, type OrganisationContext } from '#db';
import { gpcDecision, type GpcDecision } from '#workflow';
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

  /** An anonymous page view's signal: the organisation, when and the outcome, nothing about the visitor. */
  async recordPageView(context: OrganisationContext, decision: GpcDecision, at: Date): Promise<void> {
    await this.dataSource.getRepository(GpcSignal).insert({
      organisationId: context.organisation.id,
      receivedAt: at,
      outcome: decision.outcome,
      reason: decision.outcome === 'ignored' ? decision.reason : null,
      context: 'page_view',
      requestId: null,
    });
  }
}
