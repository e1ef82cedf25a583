import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DAY_MS = 86_400_000;

/** Moves the time of a started system's api and worker together (they read TEST_CLOCK_FILE on every "now"). */
export class TestClock {
  readonly file = join(mkdtempSync(join(tmpdir(), 'rightsdesk-clock-')), 'offset-ms');
  private offsetMs = 0;

  constructor() {
    writeFileSync(this.file, '0');
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): void {
    this.advanceMs(days * DAY_MS);
  }

  advanceMs(ms: number): void {
    this.offsetMs += ms;
    writeFileSync(this.file, String(this.offsetMs));
  }
}
