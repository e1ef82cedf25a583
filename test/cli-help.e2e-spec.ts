import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

import { describe, expect, it } from '@jest/globals';

import { COMMANDS } from '../apps/cli/src/help.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };

/** The built bin run as a shell runs it: through its shebang, with no settings in the environment. */
const rightsdesk = (...args: string[]) => run(pkg.bin.rightsdesk!, args, { env: { PATH: process.env.PATH } });

describe('the rightsdesk bin', () => {
  it('is the built CLI, started through its shebang, and lists every command for --help', async () => {
    expect(pkg.bin.rightsdesk).toBe('dist/apps/cli/src/main.js');
    const { stdout } = await rightsdesk('--help');
    for (const name of Object.keys(COMMANDS)) expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(Object.keys(COMMANDS))('answers "%s --help" with its usage, touching no database', async (name) => {
    const { stdout } = await rightsdesk(name, '--help');
    expect(stdout).toContain(`usage:\n  rightsdesk ${COMMANDS[name]!.usage[0]}`);
  });

  it('exits 1 with the list for an unknown command', async () => {
    await expect(rightsdesk('nope')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Commands:') });
  });
});
