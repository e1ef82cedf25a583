export * from './env.js';
export * from './clock.js';
