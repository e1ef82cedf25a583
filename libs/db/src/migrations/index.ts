import { InitialSchema1795565615159 } from './1795565615159-initial-schema.migration.js';
import { QueueIndexes1795565993437 } from './1795565993437-queue-indexes.migration.js';
import { DeadlineJobs1795567732328 } from './1795567732328-deadline-jobs.migration.js';
import { InboundMailbox1795573820411 } from './1795573820411-inbound-mailbox.migration.js';

/** Every migration in order; `npm run migration:generate -- <name>` writes the next one. */
export const MIGRATIONS = [InitialSchema1795565615159, QueueIndexes1795565993437, DeadlineJobs1795567732328, InboundMailbox1795573820411];
