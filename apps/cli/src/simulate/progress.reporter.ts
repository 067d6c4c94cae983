import type { CliStreams } from '../cli.streams';

const REDRAW_EVERY_MS = 100;

/** A one-line progress bar on a TTY; silent otherwise. Reads the wall clock only to throttle redraws. */
export class ProgressReporter {
  private lastDraw = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly streams: Pick<CliStreams, 'stderr'>,
    private readonly label: string,
    private readonly total: number,
  ) {}

  get enabled(): boolean {
    return this.streams.stderr.isTTY === true && this.total > 0;
  }

  update(done: number): void {
    if (!this.enabled) {
      return;
    }
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < REDRAW_EVERY_MS) {
      return;
    }
    this.lastDraw = now;
    const width = 30;
    const ratio = Math.min(1, done / this.total);
    const filled = Math.round(ratio * width);
    const seconds = Math.max(0.001, (now - this.startedAt) / 1000);
    const line = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(ratio * 100)}% ${done}/${this.total} ${Math.round(done / seconds)}/s`;
    this.streams.stderr.write(`\r${line}`);
  }

  finish(): void {
    if (this.enabled) {
      this.update(this.total);
      this.streams.stderr.write('\n');
    }
  }
}
