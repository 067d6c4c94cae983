import type { Kafka } from 'kafkajs';
import type { ServiceProcess } from './pipeline-services';

/** What every part of one `npm run bench` run shares, and what it must clean up even on error. */
export interface BenchContext {
  /** Six letters and digits naming this run's topics, groups and databases. */
  run: string;
  kafka: Kafka;
  brokers: string[];
  partitions: number;
  /** Records per chunk of the passthrough. */
  chunk: number;
  /** The services' chunk size (INGEST_CHUNK_SIZE, SCREENING_CHUNK_SIZE) when --chunk gave one; else their defaults. */
  serviceChunk?: number;
  /** Screening processes in the one consumer group (--screening-instances). */
  screeningInstances: number;
  /** Folder for a V8 CPU profile of each service process, when asked for. */
  profileDir?: string;
  /**
   * End to end: also consume the canonical topic to time the ingest stage alone. Off by default: that
   * listener reads every canonical event, and at 2,000 records/s it took about a tenth of the 2 cores
   * the pipeline under test needs.
   */
  splitStages: boolean;
  /**
   * End to end, latency: spread the simulated day's manifests evenly through the stream (a stationary
   * mix; the default) instead of sending them as the day has them, in a wave at its start.
   */
  spreadManifests: boolean;
  /** Latency: seconds of records at the rate before the measured window, whose figures are kept apart. */
  warmUpSeconds: number;
  /** Settings given to every service process over the bench's own (--compare's compared run). */
  serviceEnv?: Record<string, string>;
  /** Topics and consumer groups this run created; deleted at the end. */
  topics: Set<string>;
  groups: Set<string>;
  /** Service processes still running; stopped at the end. */
  services: Set<ServiceProcess>;
}

/** How the latency phase's lines name its measured window and its warm-up. */
export function latencyWindow(ctx: BenchContext): { measured: string; warmUp: string } {
  return ctx.warmUpSeconds > 0
    ? { measured: 'after the warm-up', warmUp: `the first ${ctx.warmUpSeconds} s as the warm-up` }
    : { measured: 'with no warm-up', warmUp: 'no warm-up' };
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
