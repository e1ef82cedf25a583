import { POLICY_PUBLISH_USAGE } from './policy-publish.command.js';

/** One command of `rightsdesk`: how it is called and what it does, for `rightsdesk --help` and `<command> --help`. */
interface CommandHelp {
  usage: string[];
  summary: string;
  details: string;
}

/** Every command `main.ts` answers to, in the order `rightsdesk --help` lists them (a spec keeps the two in step). */
export const COMMANDS: Record<string, CommandHelp> = {
  start: {
    usage: ['start [--seed]'],
    summary: 'run the api, the worker and the inbound privacy mailbox',
    details:
      'Starts the three processes and prints each organisation\'s request form. With --seed (what "npm start" runs) it\n' +
      'first seeds the organisations and makes the demo customer databases, and closes the banner with the demo admins\n' +
      'this start created. Stopping one process stops the rest. Run "rightsdesk migrate" before.',
  },
  migrate: {
    usage: ['migrate'],
    summary: 'create the database if missing and apply the migrations',
    details: "Creates DATABASE_URL's database when it does not exist, then applies every migration not yet applied.",
  },
  seed: {
    usage: ['seed'],
    summary: 'load seeds/*.policy.yaml and the data maps into the database',
    details:
      'Creates each organisation of SEEDS_DIR, or records a new policy version when its file changed, and seeds its\n' +
      'data map. A new organisation gets a demo admin whose password is printed once. Running it again changes nothing.',
  },
  'demo-databases': {
    usage: ['demo-databases'],
    summary: 'make the demo customer databases the seed data maps name',
    details:
      'Makes each demo customer database not made yet, with the demo persons and DEMO_PEOPLE generated people\n' +
      '(docs/demo-data.md). A database already made is left alone.',
  },
  'verify-audit': {
    usage: ['verify-audit [SLUG]'],
    summary: "check every organisation's audit chain (or one's)",
    details:
      'Recomputes the hash chain of the audit log; exits 1 naming the first entry that was changed, removed or\n' +
      'inserted.',
  },
  staff: {
    usage: ['staff reset-password EMAIL', 'staff add-operator EMAIL NAME'],
    summary: 'print a one-time password link for a staff member, or make someone a platform operator',
    details:
      'reset-password: the link works once, for a limited time; give it to the member over a channel you trust.\n' +
      'add-operator: makes the account (new or existing) a platform operator, who creates organisations from their\n' +
      'policies in the console, and prints a link for them to choose their password.',
  },
  policy: {
    usage: ['policy import FILE [--json]', POLICY_PUBLISH_USAGE],
    summary: 'draft an organisation from its privacy policy, or publish one',
    details:
      'import: reads a policy (HTML or plain text) and prints the drafted regimes, rights, deadlines and channels,\n' +
      'each with the sentence it comes from (--json: as JSON on stdout); needs no database. Exits 1 with the reason\n' +
      'when the file holds no policy.\n' +
      'publish: imports the file and publishes it as a new policy version of the organisation SLUG (created if new),\n' +
      'through the same validator as the seed files.',
  },
  'drp-agent': {
    usage: ['drp-agent register ID NAME VERIFY_KEY'],
    summary: 'register an authorised agent of the Data Rights Protocol',
    details:
      'Registers (or, run again, rotates the key of) an agent from its directory entry: its id, its name and its\n' +
      'base64 Ed25519 verify key (docs/drp.md).',
  },
  datamap: {
    usage: ['datamap validate FILE', 'datamap draft CONNECTION_URL [--out FILE]'],
    summary: 'check a data map, or draft one from a live database',
    details:
      'validate: checks a data map file against its schema and, where its variables are set, against the live\n' +
      'databases it names; exits 1 listing each problem.\n' +
      'draft: reads a PostgreSQL or MariaDB schema and writes a data map to start from (to stdout, or to FILE).',
  },
  'send-mail': {
    usage: ['send-mail --to ADDRESS --from ADDRESS [--subject TEXT] [--body TEXT] [--host HOST] [--port PORT]'],
    summary: 'send one plain mail to the inbound privacy mailbox',
    details: 'To try the privacy mailbox: sends over SMTP to 127.0.0.1 on INBOUND_SMTP_PORT unless told otherwise.',
  },
  'generate-migration': {
    usage: ['generate-migration NAME'],
    summary: 'write a migration for the difference between the entities and the database',
    details:
      'For developers: run against a freshly migrated database; writes libs/db/src/migrations/<time>-<NAME>.migration.ts\n' +
      'to be added to libs/db/src/migrations/index.ts.',
  },
};

const usageLines = (name: string) => COMMANDS[name]!.usage.map((u) => `  rightsdesk ${u}`);

/** The whole list: every command with its one-line summary. */
export function overallHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'usage: rightsdesk <command> [arguments]   (rightsdesk <command> --help for one command)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Settings come from the environment (docs/configuration.md).',
  ].join('\n');
}

/** Thrown for a call the command does not understand; main prints the command's usage (or the list). */
export function usageOf(command: string | undefined): string {
  return command && COMMANDS[command] ? ['usage:', ...usageLines(command)].join('\n') : overallHelp();
}

/**
 * The help asked for by these arguments (`--help`, `-h`, `help [COMMAND]`, `COMMAND --help`), or none; help for a
 * command that does not exist is an error, so a script's typo fails.
 */
export function helpRequested(argv: string[]): string | undefined {
  const [first, second] = argv;
  const asked = argv.includes('--help') || argv.includes('-h') || first === 'help';
  if (!asked) return undefined;
  const command = first === 'help' || first === '--help' || first === '-h' ? second : first;
  if (!command) return overallHelp();
  const entry = COMMANDS[command];
  if (!entry) throw new Error(`rightsdesk: no command "${command}"\n\n${overallHelp()}`);
  return ['usage:', ...usageLines(command), '', `${entry.summary}.`, '', entry.details].join('\n');
}
