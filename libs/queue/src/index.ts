export * from './job-attempts.js';
export * from './jobs.js';
export * from './outbox.relay.js';
export * from './redis.js';
