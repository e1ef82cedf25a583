import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger, LoggerModule, type Params, PinoLogger } from 'nestjs-pino';

import { currentTraceId, type Env, loadEnv, logOptions } from '#config';

import { configureApi } from './api-setup.js';
import { AppModule } from './app.module.js';

/** Loud on purpose: these defaults are fine on a laptop and a hole anywhere else. */
function developmentWarning(defaults: string[]): string {
  const rule = '!'.repeat(78);
  return [
    rule,
    '!! DEVELOPMENT DEFAULTS IN USE: not for a machine others can reach',
    ...defaults.map((d) => `!!   - ${d}`),
    '!! (refused when PUBLIC_URL is not localhost, 127.0.0.1 or ::1)',
    rule,
  ].join('\n');
}

/** The api with its logger: one JSON line per request, under the trace id `traceRequest` gave it. */
function apiProcess(env: Env, logging: Params) {
  @Module({})
  class ApiProcess {}
  return { module: ApiProcess, imports: [LoggerModule.forRoot(logging), AppModule.forEnvironment(env.devPagesServed)] };
}

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  const logging: Params = {
    pinoHttp: {
      ...logOptions(env),
      genReqId: () => currentTraceId()!,
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
  // The pino logger from the first line on: a failure while starting is a JSON line too, not Nest's console text.
  const app = await NestFactory.create<NestExpressApplication>(apiProcess(env, logging), {
    bodyParser: false,
    logger: new Logger(new PinoLogger(logging), logging),
  });
  configureApi(app, env);
  app.enableShutdownHooks();
  await app.listen(env.PORT, '0.0.0.0');
  app.get(Logger).log(`api listening on ${env.PUBLIC_URL} (port ${env.PORT})`, 'api');
  if (env.NODE_ENV !== 'test' && env.developmentDefaults.length > 0)
    console.warn(developmentWarning(env.developmentDefaults));
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
