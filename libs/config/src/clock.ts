import { readFileSync } from 'node:fs';

/** Where every "now" of the apps comes from, so tests can move time for the api and worker together. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Tests only: the file holds an offset in milliseconds added to the real time (time keeps flowing while
 * travelled). Read on every call, so a test can move both processes' time by rewriting one file.
 */
export function offsetFileClock(path: string): Clock {
  return {
    now() {
      const offset = Number(readFileSync(path, 'utf8').trim() || '0');
      if (!Number.isFinite(offset)) throw new Error(`${path} must hold a number of milliseconds`);
      return new Date(Date.now() + offset);
    },
  };
}
