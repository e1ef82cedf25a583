import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger, LoggerModule } from 'nestjs-pino';

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
function apiProcess(env: Env) {
  @Module({})
  class ApiProcess {}
  return {
    module: ApiProcess,
    imports: [
      LoggerModule.forRoot({
        pinoHttp: {
          ...logOptions(env),
          genReqId: () => currentTraceId()!,
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
      AppModule.forEnvironment(env.devPagesServed),
    ],
  };
}

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  const app = await NestFactory.create<NestExpressApplication>(apiProcess(env), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
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
