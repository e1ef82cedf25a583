/** Where the e2e run keeps its own database and Redis key prefix, named once per run by the global setup. */
export function testDatabaseUrl(): string {
  const url = process.env.RIGHTSDESK_TEST_DATABASE_URL;
  if (!url) throw new Error('RIGHTSDESK_TEST_DATABASE_URL is unset: run e2e tests through jest (global setup)');
  return url;
}

export function testRedisPrefix(): string {
  const prefix = process.env.RIGHTSDESK_TEST_REDIS_PREFIX;
  if (!prefix) throw new Error('RIGHTSDESK_TEST_REDIS_PREFIX is unset: run e2e tests through jest (global setup)');
  return prefix;
}
