import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

import { DATA_SOURCE } from './infra/tokens.js';

@Controller()
export class HealthController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Healthy when the database answers: without it no request can be taken. */
  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  }
}
