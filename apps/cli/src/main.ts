#!/usr/bin/env node
import { loadEnv } from '#config';
import { createDataSource, ensureDatabase, registerDrpAgent, RESET_MINUTES } from '#db';
import { closeDatabasePools } from '#systems';

import { draftFromDatabase } from './datamap-draft.command.js';
import { validateDataMapFile } from './datamap-validate.command.js';
import { demoDatabasesCommand, makeDemoDatabases, useDemoSystems } from './demo/demo.command.js';
import { demoBannerLines } from './demo/demo-report.js';
import { generateMigration } from './generate-migration.command.js';
import { helpRequested, usageOf } from './help.js';
import { policyImportCommand } from './policy-import.command.js';
import { policyPublishOptions, publishPolicyFile } from './policy-publish.command.js';
import { seedDemoOperator, seedOrganisations } from './seed.command.js';
import { dataMapSeedLines, seedDataMaps } from './seed-data-maps.js';
import { sendTestMail } from './send-mail.command.js';
import { addOperator, passwordResetLink } from './staff-password.command.js';
import { type DemoAdmin, type DemoStaff, startSystem } from './start.command.js';
import { verifyAudit } from './verify-audit.command.js';

async function main(argv: string[]): Promise<void> {
  const help = helpRequested(argv);
  if (help) return console.log(help);
  const [command, ...args] = argv;
  const USAGE = usageOf(command);
  // `policy import` reads a file and prints: no database or settings, so it runs anywhere the policy file is.
  if (command === 'policy' && args[0] === 'import') return policyCommand(args);
  const env = loadEnv();
  switch (command) {
    case 'migrate': {
      await ensureDatabase(env.DATABASE_URL);
      const dataSource = await createDataSource(env.DATABASE_URL).initialize();
      try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(
          applied.length === 0
            ? 'migrate: schema is up to date'
            : `migrate: applied ${applied.map((m) => m.name).join(', ')}`,
        );
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'seed': {
      useDemoSystems(env);
      await seedAndReport(env.DATABASE_URL, env.SEEDS_DIR);
      return;
    }
    case 'start': {
      const demoDatabases = useDemoSystems(env);
      if (!args.includes('--seed')) return startSystem(env);
      // `start --seed` (what `npm start` runs) first makes the demo customer databases the data maps point at, so a
      // request finds someone there and the seed can check each map against a live schema; then it seeds, so the
      // demo staff it creates close the start banner too.
      const made = await makeDemoDatabases(env, demoDatabases);
      const demoStaff = await seedAndReport(env.DATABASE_URL, env.SEEDS_DIR);
      await startSystem(env, demoStaff, demoBannerLines(made));
      return;
    }
    case 'demo-databases':
      await demoDatabasesCommand(env);
      return;
    case 'generate-migration': {
      if (!args[0]) throw new Error(USAGE);
      const file = await generateMigration(env.DATABASE_URL, args[0], 'libs/db/src/migrations');
      console.log(
        file
          ? `wrote ${file}; add it to libs/db/src/migrations/index.ts`
          : 'entities match the migrations: nothing to generate',
      );
      return;
    }
    case 'verify-audit': {
      const dataSource = await createDataSource(env.DATABASE_URL, { poolSize: 1 }).initialize();
      try {
        const verdict = await verifyAudit(dataSource, args[0]);
        if (verdict.intact) {
          console.log(verdict.message);
        } else {
          console.error(verdict.message);
          process.exitCode = 1;
        }
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'drp-agent': {
      const [action, id, name, verifyKey] = args;
      if (action !== 'register' || !id || !name || !verifyKey) throw new Error(USAGE);
      const dataSource = await createDataSource(env.DATABASE_URL, { poolSize: 1 }).initialize();
      try {
        console.log(`drp-agent: ${id} ${await registerDrpAgent(dataSource, { id, name, verifyKey })}`);
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'send-mail':
      console.log(await sendTestMail(args, env.INBOUND_SMTP_PORT));
      return;
    case 'staff': {
      const [action, email, name] = args;
      const adding = action === 'add-operator' && email && name;
      if (!adding && (action !== 'reset-password' || !email)) throw new Error(USAGE);
      const dataSource = await createDataSource(env.DATABASE_URL, { poolSize: 1 }).initialize();
      try {
        if (adding) console.log(`staff: ${await addOperator(dataSource, email, name)}`);
        const link = await passwordResetLink(dataSource, email, env.PUBLIC_URL, new Date());
        console.log(
          `staff: give ${email} this link to choose a new password; it works once, for ${RESET_MINUTES} minutes:\n  ${link}`,
        );
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'policy': {
      const options = args[0] === 'publish' ? policyPublishOptions(args.slice(1)) : null;
      if (!options) throw new Error(USAGE);
      const dataSource = await createDataSource(env.DATABASE_URL, { poolSize: 1 }).initialize();
      try {
        console.log(await publishPolicyFile(dataSource, options));
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'datamap':
      try {
        await dataMapCommand(args);
      } finally {
        await closeDatabasePools();
      }
      return;
    default:
      throw new Error(USAGE);
  }
}

async function policyCommand([action, file, ...options]: string[]): Promise<void> {
  const json = options.length === 1 && options[0] === '--json';
  if (action !== 'import' || !file || (options.length > 0 && !json)) throw new Error(usageOf('policy'));
  const { exitCode, stdout, stderr } = await policyImportCommand(file, json);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = exitCode;
}

async function dataMapCommand([action, target, ...options]: string[]): Promise<void> {
  if (action === 'validate' && target && options.length === 0) {
    const { problems, summary } = await validateDataMapFile(target, process.env);
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) process.exitCode = 1;
    else console.log(summary);
    return;
  }
  const out = options[0] === '--out' && options.length === 2 ? options[1] : undefined;
  if (action !== 'draft' || !target || (options.length > 0 && !out)) throw new Error(usageOf('datamap'));
  const { yaml, summary } = await draftFromDatabase(target, out);
  if (yaml) process.stdout.write(yaml);
  // With the map on stdout, the summary goes to stderr so that redirecting stdout keeps a clean file.
  (yaml ? console.error : console.log)(summary);
}

/** Seeds, printing each organisation's outcome; returns the demo staff this run created (with their passwords). */
async function seedAndReport(databaseUrl: string, seedsDir: string): Promise<DemoStaff> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  try {
    const created: DemoAdmin[] = [];
    for (const r of await seedOrganisations(dataSource, seedsDir)) {
      const what = r.created ? 'created' : r.newPolicyVersion ? 'new policy version' : 'unchanged';
      console.log(`seed: ${r.slug} (${r.name}): ${what}`);
      if (r.demoAdmin) {
        console.log(`      demo admin: ${r.demoAdmin.email}  password: ${r.demoAdmin.password}  (shown once)`);
        created.push({ organisation: r.name, ...r.demoAdmin });
      }
    }
    const operator = await seedDemoOperator(dataSource);
    if (operator) console.log(`seed: demo operator: ${operator.email}  password: ${operator.password}  (shown once)`);
    for (const line of dataMapSeedLines(await seedDataMaps(dataSource, seedsDir, process.env))) console.log(line);
    return { admins: created, operator };
  } finally {
    await dataSource.destroy();
    await closeDatabasePools();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
