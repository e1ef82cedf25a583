import type { DemoDatabaseResult } from './demo-databases.js';
import { DEMO_PERSON, PHONE_ONLY_PERSON } from './demo-persons.js';

const SERVER_NAMES = { postgres: 'PostgreSQL', mysql: 'MariaDB' } as const;

/** One line per demo database: what this run did to it. */
export function demoDatabaseLines(results: DemoDatabaseResult[]): string[] {
  return results.map(({ organisation, kind, where, outcome }) => {
    const head = `demo: ${organisation}: ${SERVER_NAMES[kind]} ${where}:`;
    switch (outcome.state) {
      case 'created':
        return `${head} created ${Object.entries(outcome.counts)
          .map(([table, count]) => `${count} ${table}`)
          .join(', ')}`;
      case 'unchanged':
        return `${head} unchanged (made before with ${outcome.people} generated people; drop it to make it anew)`;
      case 'refused':
        return `${head} left alone: ${outcome.reason}`;
      case 'failed':
        return `${head} could not be made (${outcome.reason}); its connected-system tasks fail until it can be reached`;
    }
  });
}

/** The start banner's part for newcomers: whom to file a request for, and where that person's rows are. */
export function demoBannerLines(results: DemoDatabaseResult[]): string[] {
  if (results.length === 0) return [];
  const width = Math.max(...results.map((r) => r.organisation.length));
  return [
    'Demo customer databases, the connected systems of seeds/*.datamap.yaml (docs/demo-data.md):',
    ...results.map((r) => `  ${r.organisation.padEnd(width)}  ${SERVER_NAMES[r.kind].padEnd(10)}  ${r.where}`),
    `Demo person in each: ${DEMO_PERSON.fullName}, ${DEMO_PERSON.email}, ${DEMO_PERSON.phone}; ` +
      `known by phone only: ${PHONE_ONLY_PERSON.fullName}, ${PHONE_ONLY_PERSON.phone}`,
  ];
}
