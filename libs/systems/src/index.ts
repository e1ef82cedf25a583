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
export * from './vendor/confirmation-token.js';
