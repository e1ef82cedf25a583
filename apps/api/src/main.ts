import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { loadEnv } from '#config';
import { AppModule } from './app.module.js';
import { HttpExceptionFilter } from './http-exception.filter.js';

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forEnvironment(env.isProduction), {
    bodyParser: false,
    logger: env.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], scriptSrc: ["'none'"] },
      },
      // HSTS only where we are served over TLS.
      strictTransportSecurity: env.PUBLIC_URL.startsWith('https:'),
    }),
  );
  app.use(cookieParser());
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb' });
  app.useBodyParser('json', { limit: '64kb' });
  app.useGlobalPipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }));
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  await app.listen(env.PORT, '0.0.0.0');
  console.log(`api listening on ${env.PUBLIC_URL} (port ${env.PORT})`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
