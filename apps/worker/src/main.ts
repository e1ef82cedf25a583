import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, LoggerModule } from 'nestjs-pino';

import { type Env, loadEnv, logOptions } from '#config';

import { WorkerModule } from './worker.module.js';

/** The worker with its logger: JSON lines, each job's under the trace id of what caused it. */
function workerProcess(env: Env) {
  @Module({})
  class WorkerProcess {}
  return { module: WorkerProcess, imports: [LoggerModule.forRoot({ pinoHttp: logOptions(env) }), WorkerModule] };
}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(workerProcess(loadEnv()), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
