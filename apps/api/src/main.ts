import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadEnv } from '#config';
import { configureApi } from './api-setup.js';
import { AppModule } from './app.module.js';

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forEnvironment(env.isProduction), {
    bodyParser: false,
    logger: env.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
  });
  configureApi(app, env);
  app.enableShutdownHooks();
  await app.listen(env.PORT, '0.0.0.0');
  console.log(`api listening on ${env.PUBLIC_URL} (port ${env.PORT})`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
