/** Where the bar is drawn: a terminal stream (a file or pipe gets no bar at all). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

const REDRAW_EVERY_MS = 100;
const BAR_WIDTH = 28;

function grouped(value: number): string {
  return Math.round(value).toLocaleString('en');
}

/**
 * A one-line bar on stderr while the input is read: share of bytes read when the size is known, the
 * record count and rate always. Redraws at most every 100 ms; draws nothing unless on a terminal.
 */
export class ProgressBar {
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly startedAt: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly totalBytes: number | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(bytesRead: number, records: number): void {
    if (!this.enabled) {
      return;
    }
    const now = this.now();
    if (now - this.lastDraw < REDRAW_EVERY_MS) {
      return;
    }
    this.lastDraw = now;
    const seconds = Math.max(0.001, (now - this.startedAt) / 1000);
    const rate = `${grouped(records)} records, ${grouped(records / seconds)}/s`;
    let line: string;
    if (this.totalBytes !== undefined && this.totalBytes > 0) {
      const ratio = Math.min(1, bytesRead / this.totalBytes);
      const filled = Math.round(ratio * BAR_WIDTH);
      line = `replaying [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${rate}`;
    } else {
      line = `replaying ${rate}`;
    }
    // Some terminals (and `script`) report no width, or 0.
    const columns = this.stream.columns !== undefined && this.stream.columns > 20 ? this.stream.columns : 80;
    this.stream.write(`\r${line.slice(0, columns - 1)}\u001b[K`);
    this.drawn = true;
  }

  /** Clears the bar so that the summary starts on a clean line. */
  finish(): void {
    if (this.enabled && this.drawn) {
      this.stream.write('\r\u001b[K');
    }
  }
}
