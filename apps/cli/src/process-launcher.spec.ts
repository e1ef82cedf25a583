import { describe, expect, it } from '@jest/globals';

import {
  exitCodeOf,
  hasExited,
  killProcess,
  launchProgram,
  printed,
  stopProcess,
  waitUntilReady,
} from './process-launcher.js';

const node = (script: string, env: NodeJS.ProcessEnv = {}) =>
  launchProgram(process.execPath, ['-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });

describe('the process launcher', () => {
  it('gives the process exactly the environment passed, and reports its exit code', async () => {
    const child = node(
      'process.stdout.write(String(process.env.ONLY) + " " + String(process.env.HOME)); process.exit(3)',
      { ONLY: 'this' },
    );
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    expect(await exitCodeOf(child)).toBe(3);
    expect(out).toBe('this undefined');
  });

  it('waits for what the process prints, and stops it with SIGTERM', async () => {
    const child = node('console.log("worker running"); setInterval(() => {}, 1000)');
    await printed(child, /worker running/);
    await stopProcess(child);
    expect(child.signalCode).toBe('SIGTERM');
  });

  it('SIGKILLs a process that ignores SIGTERM once the grace period is over', async () => {
    const child = node('process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)');
    await printed(child, /ready/);
    await stopProcess(child, 200);
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('fails a readiness wait when a watched process exits, or when the time runs out', async () => {
    const child = node('process.exit(1)');
    await exitCodeOf(child);
    await expect(waitUntilReady(async () => false, { processes: [child], failure: 'never ready' })).rejects.toThrow(
      'never ready: a process exited during start',
    );
    await expect(waitUntilReady(async () => false, { timeoutMs: 200, failure: 'never ready' })).rejects.toThrow(
      'never ready within 0 s',
    );
    const running = node('setInterval(() => {}, 1000)');
    await killProcess(running);
    expect(hasExited(running)).toBe(true);
  });
});
