import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
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

  /** Moves time forward to an instant (time keeps flowing from there). */
  advanceTo(instant: Date): void {
    const ms = instant.getTime() - this.now().getTime();
    if (ms < 0) throw new Error(`the test clock is already past ${instant.toISOString()}`);
    this.advanceMs(ms);
  }

  advanceMs(ms: number): void {
    this.offsetMs += ms;
    // Written aside and renamed into place: a process reading mid-write would see an empty file, that is no offset.
    writeFileSync(`${this.file}.next`, String(this.offsetMs));
    renameSync(`${this.file}.next`, this.file);
  }
}
