import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, LoggerModule, type Params, PinoLogger } from 'nestjs-pino';

import { loadEnv, logOptions } from '#config';

import { WorkerModule } from './worker.module.js';

/** The worker with its logger: JSON lines, each job's under the trace id of what caused it. */
function workerProcess(logging: Params) {
  @Module({})
  class WorkerProcess {}
  return { module: WorkerProcess, imports: [LoggerModule.forRoot(logging), WorkerModule] };
}

async function bootstrap(): Promise<void> {
  const logging: Params = { pinoHttp: logOptions(loadEnv()) };
  // The pino logger from the first line on: a failure while starting is a JSON line too, not Nest's console text.
  const app = await NestFactory.createApplicationContext(workerProcess(logging), {
    logger: new Logger(new PinoLogger(logging), logging),
  });
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
