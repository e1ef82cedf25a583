import { InitialSchema1795565615159 } from './1795565615159-initial-schema.migration.js';

/** Every migration in order; `npm run migration:generate -- <name>` writes the next one. */
export const MIGRATIONS = [InitialSchema1795565615159];
