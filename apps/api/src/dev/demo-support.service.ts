import { createHash } from 'node:crypto';

import {
  BadRequestException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { Clock } from '#config';
import { currentDataMap, OrganisationDirectory } from '#db';
import { checkSignature, signatureHeaders } from '#systems';

import { CLOCK, DATA_SOURCE, SYSTEM_ENV } from '../infra/tokens.js';
import type { SignedCall } from './demo-support.controller.js';

/** What Rightsdesk posts to a service (docs/data-map.md), as far as the demo reads it. */
interface ServiceCall {
  task: string;
  identity: { email?: string; phone?: string; account_id?: string };
  callback_url: string;
}

const SUBJECTS = [
  'Cannot sign in to the app',
  'Invoice shows the wrong address',
  'Please change my phone number',
  'Tracker stopped reporting',
  'Question about my subscription',
];
/** How long the demo "works" on an erasure before it calls back, and how it retries a callback not taken. */
const CALLBACK_DELAY_MS = 1000;
const CALLBACK_TRIES = 5;

/**
 * A stand-in for an organisation's support desk, so `npm start` shows a service answering at once (access) and
 * answering later by a signed callback (erasure). It stores nothing: a person's tickets are made up from their
 * identity, the same every time, so an erasure "deletes" as many as an access finds.
 */
@Injectable()
export class DemoSupportService {
  private readonly logger = new Logger('demo-support');

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SYSTEM_ENV) private readonly systemEnv: Readonly<Record<string, string | undefined>>,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  async access(slug: string, call: SignedCall) {
    const { body } = await this.open(slug, call);
    return { tables: [{ table: 'tickets', rows: ticketsOf(body.identity) }] };
  }

  async erasure(slug: string, call: SignedCall): Promise<{ accepted: true }> {
    const { secret, body } = await this.open(slug, call);
    const deleted = ticketsOf(body.identity).length;
    const result = Buffer.from(JSON.stringify({ task: body.task, counts: { tickets: { deleted, remaining: 0 } } }));
    setTimeout(() => void this.callBack(body.callback_url, secret, result, CALLBACK_TRIES), CALLBACK_DELAY_MS).unref();
    return { accepted: true };
  }

  /** The call checked as a real service would: the organisation's demo system, its secret, the signature, the body. */
  private async open(slug: string, call: SignedCall): Promise<{ secret: string; body: ServiceCall }> {
    const secret = await this.secretOf(slug);
    const checked = checkSignature(secret, call, call.body, this.clock.now());
    if (!checked.ok) throw new UnauthorizedException(`The signature was refused: ${checked.problem}.`);
    let body: ServiceCall;
    try {
      body = JSON.parse(call.body.toString('utf8')) as ServiceCall;
    } catch {
      throw new BadRequestException('The body is not JSON.');
    }
    if (
      typeof body?.task !== 'string' ||
      typeof body.callback_url !== 'string' ||
      typeof body.identity !== 'object' ||
      !body.identity
    )
      throw new BadRequestException('The body lacks task, identity or callback_url.');
    return { secret, body };
  }

  /** The shared secret of the organisation's http system whose URL is this demo's, as the worker signs with it. */
  private async secretOf(slug: string): Promise<string> {
    const context = await this.directory.bySlug(slug);
    const map = context && (await currentDataMap(this.dataSource.manager, context.organisation.id));
    const isThisDemo = (url: string | undefined) =>
      !!url && URL.canParse(url) && new URL(url).pathname.replace(/\/+$/, '') === `/dev/demo-systems/${slug}/support`;
    const system = map?.document.systems.find((s) => s.kind === 'http' && isThisDemo(this.systemEnv[s.connection]));
    const secret = system?.kind === 'http' ? this.systemEnv[system.secret] : undefined;
    if (!secret) throw new NotFoundException('No system of this organisation’s data map is the demo support desk.');
    return secret;
  }

  private async callBack(url: string, secret: string, body: Buffer, triesLeft: number): Promise<void> {
    try {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signatureHeaders(secret, body, this.clock.now()) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(5000),
      });
      // 409: Rightsdesk has not recorded the 202 yet; 5xx: it is briefly down. Both are worth another try.
      if ((answer.status === 409 || answer.status >= 500) && triesLeft > 1) throw new Error(`HTTP ${answer.status}`);
      if (!answer.ok) this.logger.warn(`callback answered HTTP ${answer.status}: not retried`);
    } catch (error) {
      if (triesLeft <= 1) return this.logger.warn(`callback not taken: ${(error as Error).message}`);
      setTimeout(() => void this.callBack(url, secret, body, triesLeft - 1), CALLBACK_DELAY_MS).unref();
    }
  }
}

/** One to three tickets, made up from the identity: the same person always has the same tickets. */
function ticketsOf(identity: ServiceCall['identity']): Record<string, unknown>[] {
  const seed = createHash('sha256')
    .update(identity.email ?? identity.phone ?? identity.account_id ?? '')
    .digest();
  return Array.from({ length: 1 + (seed[0] % 3) }, (_, i) => ({
    id: `T-${seed.subarray(4 * i + 1, 4 * i + 4).toString('hex')}`,
    subject: SUBJECTS[seed[16 + i] % SUBJECTS.length],
    status: seed[20 + i] % 2 === 0 ? 'closed' : 'open',
    opened_at: new Date(Date.UTC(2026, 0, 1 + (seed[24 + i] % 300))).toISOString().slice(0, 10),
    ...(identity.email ? { requester_email: identity.email } : {}),
  }));
}
