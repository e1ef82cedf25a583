export * from './data-source.js';
export * from './entities/index.js';
export * from './ensure-database.js';
export * from './organisation.directory.js';
export * from './request-tokens.js';
export * from './request-reference.js';
export * from './request-facts.js';
export * from './audit-log.js';
