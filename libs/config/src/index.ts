export * from './clock.js';
export * from './env.js';
export * from './log.js';
