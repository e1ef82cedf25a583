export * from './clock.js';
export * from './env.js';
