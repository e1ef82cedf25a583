export * from './connector.js';
export * from './connectors.js';
export { callbackPath, HttpConnector, MAX_ANSWER_BYTES } from './http/http-connector.js';
export { type ReadAnswer, readServiceAnswer, type ServiceResult } from './http/service-answer.js';
export * from './http/webhook-signature.js';
export * from './package/access-package.js';
export type {
  AccessPackageInput,
  AccessPackageType,
  PackagedSystem,
  SystemResult,
} from './package/package-contents.js';
export { checkLiveSchema, checkSchema, type LiveSchemaCheck, schemaProblems } from './sql/check-schema.js';
export { DATABASE_DEFAULTS, DatabaseConnector, type DatabaseConnectorOptions } from './sql/database-connector.js';
export { findHeldDataPoints, type HeldDataPoints, type HeldDataPointsOptions } from './sql/held-data-points.js';
export {
  type DatabaseSchema,
  type ForeignKey,
  readDatabaseSchema,
  type SchemaColumn,
  type SchemaTable,
} from './sql/schema.js';
export { closeDatabasePools } from './sql/sessions.js';
export * from './vendor/confirmation-token.js';
