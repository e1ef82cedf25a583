import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { MetricsService, OUTCOMES } from './metrics.service.js';

/** Times each intake post from its arrival to its answer's last byte: the form's (web) and a DRP exercise (agent). */
@Injectable()
export class IntakeTiming implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const channel = req.originalUrl.startsWith('/drp/') ? 'agent' : 'web';
    const stop = this.metrics.intakeSeconds.startTimer({ channel });
    res.once('finish', () => stop({ outcome: outcomeOf(res.statusCode) }));
    next();
  }
}

const outcomeOf = (status: number) => OUTCOMES[status >= 500 ? 2 : status >= 400 ? 1 : 0];
