import { type ChildProcess, spawn, type StdioOptions } from 'node:child_process';
import { connect } from 'node:net';

/**
 * Starting and stopping Rightsdesk's processes, shared by `rightsdesk start`, the end-to-end harness and the
 * benchmarks, so all three run the apps the same way: the built entry point under this Node, with exactly the
 * environment given, stopped with SIGTERM and, if it hangs, SIGKILL.
 */

export interface LaunchOptions {
  /** The whole environment of the process: nothing of ours leaks in unless passed. */
  env: NodeJS.ProcessEnv;
  args?: string[];
  /** Default `inherit`: it shares our terminal; `pipe` where the caller reads what it prints. */
  stdio?: StdioOptions;
}

/** A program (redis-server, say) as a child process. */
export function launchProgram(command: string, args: string[], options: Omit<LaunchOptions, 'args'>): ChildProcess {
  return spawn(command, args, { env: options.env, stdio: options.stdio ?? 'inherit' });
}

/** A Node entry point (a built app: `dist/apps/<app>/src/main.js`) as a child process, with source maps on. */
export function launchNode(entry: string, options: LaunchOptions): ChildProcess {
  return launchProgram(process.execPath, ['--enable-source-maps', entry, ...(options.args ?? [])], options);
}

/** Whether the process has ended (exited or killed by a signal). */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export interface ReadinessOptions {
  /** Processes that must stay up meanwhile: one exiting fails the wait at once. */
  processes?: ChildProcess[];
  timeoutMs?: number;
  intervalMs?: number;
  /** What is awaited, for the error: "the api did not answer … within 30 s". */
  failure?: string;
}

/** Polls `ready` until it answers true; fails if a watched process exits first or the time runs out. */
export async function waitUntilReady(ready: () => Promise<boolean>, options: ReadinessOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready().catch(() => false)) return;
    if (options.processes?.some(hasExited))
      throw new Error(`${options.failure ?? 'not ready'}: a process exited during start`);
    if (Date.now() > deadline)
      throw new Error(`${options.failure ?? 'not ready'} within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

/** A readiness check: the URL answers with a 2xx. */
export function answersOk(url: string): () => Promise<boolean> {
  return async () => (await fetch(url)).ok;
}

/** A readiness check: something accepts TCP connections on the loopback port. */
export function acceptsConnections(port: number): () => Promise<boolean> {
  return () =>
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
}

/** Resolves once the piped process has printed text matching `pattern` on stdout; rejects if it exits first. */
export function printed(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!pattern.test(output)) return;
      child.stdout!.off('data', onData);
      // Whatever it prints later is let through unread, so a full pipe never blocks it.
      child.stdout!.resume();
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the process exited with ${code} before printing ${pattern}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Resolves with the exit code once the process has ended (null when a signal ended it). */
export function exitCodeOf(child: ChildProcess): Promise<number | null> {
  if (hasExited(child)) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Asks the process to stop (SIGTERM: shutdown hooks run), SIGKILLs it after `graceMs`, resolves once it is gone. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Ends a process at once with a signal (SIGKILL: no shutdown hooks run) and resolves when it is gone. */
export async function killProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}
