import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { InboundRecord } from '@chokepoint/kafka';
import type { PreparationSettings, PreparedRecord } from './record-preparation';
import type { PreparationReply, PreparationWorkerData } from './record-preparation.protocol';
import { RecordPreparer } from './record-preparer';
import { packRecords, unpackPrepared } from './record-transfer';

/** Below this many records a chunk goes to one thread: splitting it would cost more than it saves. */
const MIN_RECORDS_PER_SLICE = 50;

/**
 * Young generation of a decode thread. Decoding makes short-lived garbage by the megabyte per chunk; with
 * Node's default for worker threads, scavenges took 15% of a thread's time. At 64 MB, `npm run
 * bench:ingest -- --records 60000 --only ingest --workers 1` with INGEST_CHUNKS_IN_FLIGHT=3 ran at
 * 12,650-12,950 records/s on 6.1-6.2 CPU seconds, against 11,200-11,850 on 6.6-7.3 (32 and 128 MB: no
 * better than the default).
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/**
 * How to start the worker entry: a compiled .js file directly; the TypeScript source (services run from
 * source through @swc-node/register, tests through jest) with the same compiler registered in the
 * thread. Undefined when the entry is not beside this file (a single-file bundle).
 */
export function preparationWorkerSource(): string | undefined {
  const extension = extname(__filename);
  const entry = join(__dirname, `record-preparation.worker${extension}`);
  if (!existsSync(entry)) {
    return undefined;
  }
  const register =
    extension === '.ts' ? `require(${JSON.stringify(require.resolve('@swc-node/register'))});` : '';
  return `${register}require(${JSON.stringify(entry)});`;
}

interface Pending {
  resolve: (prepared: PreparedRecord[]) => void;
  reject: (error: Error) => void;
}

/** One worker thread; restarted on the next request after it died, its requests in flight rejected. */
class PreparationThread {
  private worker: Worker | undefined;
  private ready: Promise<string> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(
    private readonly source: string,
    private readonly workerData: PreparationWorkerData,
  ) {}

  get load(): number {
    return this.pending.size;
  }

  /** Resolves with the worker's line about what it loaded, once it takes requests. */
  start(): Promise<string> {
    if (this.ready !== undefined) {
      return this.ready;
    }
    const worker = new Worker(this.source, {
      eval: true,
      workerData: this.workerData,
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.worker = worker;
    this.ready = new Promise<string>((resolve, reject) => {
      worker.on('message', (reply: PreparationReply) => {
        if (reply.kind === 'ready') {
          resolve(reply.loaded);
          return;
        }
        const pending = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.kind === 'prepared') {
          pending?.resolve(unpackPrepared(reply.prepared));
        } else {
          pending?.reject(new Error(`record preparation failed in a worker thread: ${reply.error}`));
        }
      });
      worker.on('error', (error) => {
        reject(error);
        this.fail(worker, error);
      });
      worker.on('exit', (code) => {
        const error = new Error(`record preparation worker thread exited with code ${code}`);
        reject(error);
        this.fail(worker, error);
      });
    });
    return this.ready;
  }

  async prepare(records: readonly InboundRecord[]): Promise<PreparedRecord[]> {
    await this.start();
    const worker = this.worker;
    if (worker === undefined) {
      throw new Error('record preparation worker thread is not running');
    }
    const packed = packRecords(records);
    const id = ++this.nextId;
    return new Promise<PreparedRecord[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, records: packed }, [packed.bytes]);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.ready = undefined;
    }
    for (const pending of this.pending.values()) {
      pending.reject(error);
    }
    this.pending.clear();
  }
}

/**
 * Decodes in worker threads (INGEST_DECODE_WORKERS), so that decoding, the costliest step, runs beside
 * the main thread's Kafka and PostgreSQL work instead of between it. A chunk is split into contiguous
 * slices, one per thread, and the results are put back in record order.
 */
export class WorkerPoolRecordPreparer extends RecordPreparer implements OnApplicationShutdown {
  private readonly logger = new Logger('PortMessages');
  private readonly threads: PreparationThread[];

  constructor(source: string, settings: PreparationSettings, threads: number) {
    super();
    const workerData: PreparationWorkerData = {
      manifestsTopic: settings.manifestsTopic,
      movementsTopic: settings.movementsTopic,
      defaultOriginatingParty: settings.defaultOriginatingParty,
    };
    this.threads = Array.from({ length: threads }, () => new PreparationThread(source, workerData));
  }

  /** Starts every thread and waits until each has loaded its reference data; throws if one cannot start. */
  async start(): Promise<void> {
    const loaded = await Promise.all(this.threads.map((thread) => thread.start()));
    this.logger.log(`${loaded[0] ?? ''}; decoding in ${this.threads.length} worker thread(s)`);
  }

  async prepare(records: readonly InboundRecord[]): Promise<PreparedRecord[]> {
    const slices = Math.max(
      1,
      Math.min(this.threads.length, Math.floor(records.length / MIN_RECORDS_PER_SLICE)),
    );
    // Least busy first, so that a small chunk does not queue behind a large one.
    const threads = [...this.threads].sort((a, b) => a.load - b.load).slice(0, slices);
    const size = Math.ceil(records.length / slices);
    const results = await Promise.all(
      threads.map((thread, index) => thread.prepare(records.slice(index * size, (index + 1) * size))),
    );
    return results.flat();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}
