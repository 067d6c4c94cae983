interface Submission<T, R> {
  items: T[];
  resolve: (results: R[]) => void;
  reject: (error: unknown) => void;
}

export interface ChunkCoalescerOptions {
  /** A group never grows past this many items by adding another submission (one larger submission runs alone). */
  maxItems: number;
  /** Groups running at once; the next group gathers submissions while they run. */
  maxInFlight: number;
}

/**
 * Gathers the chunks a BatchConsumer hands over for different partitions into one unit of work. Each
 * unit costs a fixed handful of round trips (database, broker) whatever its size, so six partitions
 * each handing over a chunk of three records cost six times what one chunk of eighteen does; at a
 * steady trickle that overhead, not the records' own work, decides both throughput and latency. A
 * submission waits for no timer: a group starts on the next turn of the event loop when fewer than
 * maxInFlight groups are running, else as soon as one finishes, so the busier the work, the bigger the
 * groups grow. `work` returns one result per item, in order; each submission gets its own items'
 * results when the group's work is done, or the group's error (the consumer then retries each
 * partition's chunk).
 */
export class ChunkCoalescer<T, R> {
  private readonly waiting: Submission<T, R>[][] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly work: (items: T[]) => Promise<readonly R[]>,
    private readonly options: ChunkCoalescerOptions,
  ) {}

  submit(items: T[]): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
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

  private async runGroup(group: Submission<T, R>[]): Promise<void> {
    this.inFlight += 1;
    try {
      const results = await this.work(group.flatMap((submission) => submission.items));
      const expected = group.reduce((sum, submission) => sum + submission.items.length, 0);
      if (results.length !== expected) {
        throw new Error(`work returned ${results.length} results for ${expected} items`);
      }
      let start = 0;
      for (const submission of group) {
        submission.resolve(results.slice(start, start + submission.items.length));
        start += submission.items.length;
      }
    } catch (error) {
      group.forEach((submission) => submission.reject(error));
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }
}
