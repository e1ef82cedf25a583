import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { Logger as PinoNestLogger, PinoLogger } from 'nestjs-pino';

import { clockFor, loadEnv, logOptions } from '#config';
import { createDataSource, OrganisationDirectory } from '#db';

import { InboundRequestWriter } from './inbound-request.writer.js';
import { createInboundSmtpServer } from './inbound-smtp.server.js';
import { PrivacyAddressBook } from './privacy-addresses.js';
import { dnsLookup } from './sender-authentication.js';

/**
 * The inbound privacy mailbox, its own process: it faces the internet on an SMTP port, needs only the database,
 * and scales and fails apart from the api (HTTP) and the worker (queues). Requests it stores reach the worker
 * through the outbox, like every other request.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  // No Nest application here: Nest's static logger is pointed at pino, as the api's and the worker's are.
  const params = { pinoHttp: logOptions(env) };
  Logger.overrideLogger(new PinoNestLogger(new PinoLogger(params), params));
  const logger = new Logger('mailbox');
  const dataSource = await createDataSource(env.DATABASE_URL, { poolSize: 5 }).initialize();
  const server = createInboundSmtpServer({
    maxMessageBytes: env.INBOUND_MAX_MESSAGE_BYTES,
    addressBook: new PrivacyAddressBook(dataSource, new OrganisationDirectory(dataSource)),
    writer: new InboundRequestWriter(dataSource, {
      perSender: env.INBOUND_ACK_LIMIT_PER_SENDER,
      perIp: env.INBOUND_ACK_LIMIT_PER_IP,
    }),
    clock: clockFor(env),
    dns: dnsLookup(env.INBOUND_DNS_SERVERS),
  });
  server.on('error', (error) => logger.error(error.message));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.INBOUND_SMTP_PORT, () => resolve());
  });
  logger.log(`privacy mailbox listening for SMTP on port ${env.INBOUND_SMTP_PORT}`);

  const stop = () => {
    // Sessions in progress finish (their mail is stored or refused) before the database goes.
    server.close(() => {
      void dataSource.destroy().finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
