import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';

import { COMMANDS, helpRequested, overallHelp, usageOf } from './help.js';

describe('rightsdesk help', () => {
  it('has an entry for exactly the commands main.ts answers to', () => {
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    const cases = [...main.matchAll(/^ {4}case '([a-z-]+)':/gm)].map((m) => m[1]);
    expect(cases.length).toBeGreaterThan(5);
    expect(Object.keys(COMMANDS).sort()).toEqual([...cases].sort());
  });

  it('lists every command with its summary for --help, -h and help', () => {
    for (const argv of [['--help'], ['-h'], ['help']]) expect(helpRequested(argv)).toBe(overallHelp());
    const lines = overallHelp().split('\n');
    for (const [name, c] of Object.entries(COMMANDS))
      expect(
        lines
          .find((l) => l.startsWith(`  ${name} `))
          ?.trimEnd()
          .endsWith(`  ${c.summary}`),
      ).toBe(true);
  });

  it('gives one command its usage, summary and details, asked either way', () => {
    const text = helpRequested(['datamap', '--help'])!;
    expect(helpRequested(['help', 'datamap'])).toBe(text);
    expect(text).toContain('rightsdesk datamap validate FILE');
    expect(text).toContain('rightsdesk datamap draft CONNECTION_URL [--out FILE]');
    expect(text).toContain(COMMANDS.datamap!.details);
  });

  it('answers nothing when no help is asked, and refuses help for a command that does not exist', () => {
    expect(helpRequested(['migrate'])).toBeUndefined();
    expect(() => helpRequested(['migrat', '--help'])).toThrow('no command "migrat"');
  });

  it("a wrong call prints that command's usage, or the list for an unknown command", () => {
    expect(usageOf('staff')).toBe(
      'usage:\n  rightsdesk staff reset-password EMAIL\n  rightsdesk staff add-operator EMAIL NAME',
    );
    expect(usageOf('nope')).toBe(overallHelp());
    expect(usageOf(undefined)).toBe(overallHelp());
  });
});
