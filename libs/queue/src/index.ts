export * from './jobs.js';
export * from './outbox.relay.js';
export * from './outbox.writer.js';
export * from './redis.js';
export * from './drp-status-callback.outbox.js';
