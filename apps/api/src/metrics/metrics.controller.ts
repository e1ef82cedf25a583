import { createHash, timingSafeEqual } from 'node:crypto';

import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  Header,
  Injectable,
  NotFoundException,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import type { Request } from 'express';

import { Env } from '#config';

import { MetricsService } from './metrics.service.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** /metrics answers Prometheus with METRICS_TOKEN as its bearer token; without the setting it does not exist. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(private readonly env: Env) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.env.METRICS_TOKEN;
    if (!token) throw new NotFoundException('Metrics are not served: METRICS_TOKEN is not set.');
    const sent = /^Bearer (.+)$/.exec(context.switchToHttp().getRequest<Request>().get('Authorization') ?? '')?.[1];
    // Compared as digests, so the time taken says nothing of the token, its length included.
    if (!sent || !timingSafeEqual(digest(sent), digest(token)))
      throw new UnauthorizedException('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    return true;
  }
}

@Controller('metrics')
@UseGuards(MetricsTokenGuard)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
