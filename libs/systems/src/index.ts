export * from './connector.js';
export * from './connectors.js';
export * from './package/access-package.js';
export type {
  AccessPackageInput,
  AccessPackageType,
  PackagedSystem,
  SystemResult,
} from './package/package-contents.js';
