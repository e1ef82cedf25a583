import type { Logger } from 'typeorm';

/** Keeps the SQL TypeORM sends, so a benchmark explains exactly the queries the code runs (not a retyped copy). */
export class QueryRecorder implements Logger {
  readonly queries: { query: string; parameters: unknown[] }[] = [];
  logQuery(query: string, parameters?: unknown[]) {
    this.queries.push({ query, parameters: parameters ?? [] });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
