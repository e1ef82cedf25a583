import 'reflect-metadata';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';

import { loadEnv } from '#config';
import { DataSubjectRequest, newRequestReference, type OrganisationContext } from '#db';
import type { PolicyRight } from '#policy';
import { internalTargetDaysFor } from '#policy';
import { computeDeadlines } from '#workflow';

import { configureApi } from '../apps/api/src/api-setup.js';
import { AppModule } from '../apps/api/src/app.module.js';
import { RequestIntakeService } from '../apps/api/src/intake/request-intake.service.js';

/**
 * Bench only: the api exactly as `main.ts` starts it, except that intake computes the request (reference, deadlines)
 * and writes nothing. The intake benchmark runs it beside the real api to measure the endpoint without its database
 * write. It lives under bench/ and is never part of the api's build entry, so no production switch can skip writes.
 */
class IntakeWithoutWrite {
  async submit(
    context: OrganisationContext,
    right: PolicyRight,
    _form: unknown,
    receivedAt: Date,
  ): Promise<DataSubjectRequest> {
    const deadlines = computeDeadlines({
      regime: right.regime,
      requestType: right.type,
      receivedAt,
      timeZone: context.organisation.timeZone,
      calendar: context.calendar,
      internalTargetDays: internalTargetDaysFor(context.policy, right.id),
    });
    return Object.assign(new DataSubjectRequest(), { reference: newRequestReference(), dueAt: deadlines.dueAt });
  }
}

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forEnvironment(env.devPagesServed)] })
    .overrideProvider(RequestIntakeService)
    .useClass(IntakeWithoutWrite)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error', 'warn'] });
  configureApi(app, env);
  await app.listen(env.PORT, '127.0.0.1');
  console.log(`api without the intake write listening on port ${env.PORT}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
