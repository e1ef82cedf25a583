import { execFileSync } from 'node:child_process';

/** The service tier needs PostgreSQL running; each test file makes its own database with the built CLI. */
export default async function servicesSetup(): Promise<void> {
  execFileSync('bash', ['scripts/ensure-services.sh'], { stdio: 'inherit' });
}
