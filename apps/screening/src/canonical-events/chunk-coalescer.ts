interface Submission<T> {
  items: T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface ChunkCoalescerOptions {
  /** A group never grows past this many items by adding another submission (one larger submission runs alone). */
  maxItems: number;
  /** Groups running at once; the next group gathers submissions while they run. */
  maxInFlight: number;
}

/**
 * Gathers the chunks the consumer hands over for different partitions into one unit of work. Each
 * transaction costs a fixed handful of database round trips and a WAL flush whatever its size, so six
 * partitions each committing a chunk of three records cost six times what one chunk of eighteen does;
 * at a steady trickle that overhead, not the screening, decides both throughput and latency. A
 * submission waits for no timer: a group starts on the next turn of the event loop when fewer than
 * maxInFlight groups are running, else as soon as one finishes, so the more the database is busy, the
 * bigger the groups grow. Every submission settles with its group: resolved when the group's work
 * is durable, rejected with the group's error (the consumer then retries each partition's chunk).
 */
export class ChunkCoalescer<T> {
  private readonly waiting: Submission<T>[][] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly work: (items: T[]) => Promise<void>,
    private readonly options: ChunkCoalescerOptions,
  ) {}

  submit(items: T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const last = this.waiting[this.waiting.length - 1];
      const size = last?.reduce((sum, submission) => sum + submission.items.length, 0) ?? 0;
      const submission = { items, resolve, reject };
      if (last && size + items.length <= this.options.maxItems) {
        last.push(submission);
      } else {
        this.waiting.push([submission]);
      }
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) {
      return;
    }
    this.scheduled = true;
    // setImmediate: chunks of other partitions from the same fetch arrive in this turn; let them join.
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
        const group = this.waiting.shift();
        if (group) {
          void this.runGroup(group);
        }
      }
    });
  }

  private async runGroup(group: Submission<T>[]): Promise<void> {
    this.inFlight += 1;
    try {
      await this.work(group.flatMap((submission) => submission.items));
      group.forEach((submission) => submission.resolve());
    } catch (error) {
      group.forEach((submission) => submission.reject(error));
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }
}
