import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Client } from 'pg';
import { readPid } from '../stack/process-control';
import { stackPaths } from '../stack/stack-paths';
import { type BenchContext, log, sleep } from './pipeline-context';
import { type CpuBreakdown, CpuMeter, type CpuReading, describeCpu, pidsNamed } from './process-cpu';

const REPO_ROOT = join(__dirname, '..', '..');

export type ServiceName = 'ingest' | 'screening';

/** A port nobody listens on now, so that two benches (or a developer's services) never collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A service as deployed: its own process and HTTP port, on the topics, group and database it is given. */
export class ServiceProcess {
  private exitStatus: string | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: ServiceName,
    private readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitStatus = signal ?? `code ${String(code)}`;
        resolve();
      }),
    );
  }

  static async start(
    ctx: BenchContext,
    name: ServiceName,
    env: Record<string, string>,
  ): Promise<ServiceProcess> {
    const port = await freePort();
    const profile = ctx.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${ctx.profileDir}`] : [];
    const child = spawn(
      process.execPath,
      [...profile, '-r', '@swc-node/register', `apps/${name}/src/main.ts`],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          KAFKA_BROKERS: ctx.brokers.join(','),
          KAFKA_TOPIC_PARTITIONS: String(ctx.partitions),
          HTTP_PORT: String(port),
          ...env,
          ...ctx.serviceEnv,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const service = new ServiceProcess(name, port, child);
    ctx.services.add(service);
    return service;
  }

  get pids(): number[] {
    return this.child.pid === undefined ? [] : [this.child.pid];
  }

  /** Throws once the process has ended: a wait on its work would otherwise last until its timeout. */
  assertRunning(): void {
    if (this.exitStatus !== undefined) {
      throw new Error(`${this.name} exited (${this.exitStatus}) before the bench stopped it`);
    }
  }

  async waitReady(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (
      !(await fetch(`http://127.0.0.1:${this.port}/health/ready`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      this.assertRunning();
      if (Date.now() > deadline) {
        throw new Error(`${this.name} not ready within ${timeoutMs} ms`);
      }
      await sleep(200);
    }
  }

  async metrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.port}/metrics`)).text();
  }

  /** SIGTERM, so that the service finishes its chunk and leaves its group; SIGKILL if it hangs. */
  async stop(ctx: BenchContext): Promise<void> {
    ctx.services.delete(this);
    if (this.exitStatus !== undefined) {
      return;
    }
    this.child.kill('SIGTERM');
    await Promise.race([this.exited, sleep(15_000)]);
    if (this.exitStatus === undefined) {
      this.child.kill('SIGKILL');
      await Promise.race([this.exited, sleep(5_000)]);
    }
  }
}

/**
 * Instances of one service in one consumer group (`--screening-instances`), handled as one: all started
 * before any is waited for, their metrics read together, their CPU summed. With the broker's initial
 * rebalance delay at 0 (the stack's), the first to join takes every partition and the others' joins
 * rebalance the group; end to end, ingest starts once every instance is ready, so that rebalance
 * mostly falls before ingest's first chunk opens the measured window.
 */
export class ServiceGroup {
  private constructor(
    readonly name: ServiceName,
    private readonly instances: readonly ServiceProcess[],
  ) {}

  static async start(
    ctx: BenchContext,
    name: ServiceName,
    env: Record<string, string>,
    count: number,
  ): Promise<ServiceGroup> {
    const instances: ServiceProcess[] = [];
    for (let index = 0; index < count; index += 1) {
      instances.push(await ServiceProcess.start(ctx, name, env));
    }
    return new ServiceGroup(name, instances);
  }

  get pids(): number[] {
    return this.instances.flatMap((instance) => instance.pids);
  }

  assertRunning(): void {
    this.instances.forEach((instance) => instance.assertRunning());
  }

  async waitReady(): Promise<void> {
    for (const instance of this.instances) {
      await instance.waitReady();
    }
  }

  /** The instances' Prometheus texts one after the other: metricTotal and histogramMean sum over them. */
  async metrics(): Promise<string> {
    return (await Promise.all(this.instances.map((instance) => instance.metrics()))).join('\n');
  }

  async stop(ctx: BenchContext): Promise<void> {
    for (const instance of this.instances) {
      await instance.stop(ctx);
    }
  }
}

/**
 * The processes a phase runs on: its services (the instances of one summed), the stack's broker,
 * PostgreSQL (server and backends) and the bench itself; undefined where /proc cannot be read.
 */
export function pipelineCpuMeter(
  services: readonly { name: ServiceName; pids: number[] }[],
): CpuMeter | undefined {
  if (!CpuMeter.available()) {
    return undefined;
  }
  const broker = readPid(stackPaths.kafkaPid);
  return new CpuMeter([
    ...services.map((service) => ({
      name: service.name,
      pids: () => service.pids,
    })),
    { name: 'kafka', pids: () => (broker === undefined ? [] : [broker]) },
    { name: 'postgres', pids: () => pidsNamed('postgres') },
    { name: 'bench', pids: () => [process.pid] },
  ]);
}

/** The CPU breakdown from `start` until now, logged; undefined without a meter. */
export function cpuSince(
  meter: CpuMeter | undefined,
  start: CpuReading | undefined,
  events: number,
  phase: string,
): CpuBreakdown | undefined {
  if (!meter || !start) {
    return undefined;
  }
  const breakdown = meter.breakdown(start, meter.read(), events);
  log(`${phase} CPU: ${describeCpu(breakdown)}`);
  return breakdown;
}

/** A series summed over all its labels (optionally only those with `labels`), from Prometheus text. */
export function metricTotal(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    if (
      (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) &&
      wanted.every((pair) => line.includes(pair))
    ) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

/** "chunk_duration mean 42.0 ms over 60": the mean of a histogram over all its labels. */
export function histogramMean(text: string, name: string, prefix: string): string {
  const sum = metricTotal(text, `${name}_sum`);
  const count = metricTotal(text, `${name}_count`);
  return `${name.replace(prefix, '')} mean ${((sum / count) * 1000).toFixed(1)} ms over ${count}`;
}

/** Transactions screening ran again (deadlock, serialisation failure, concurrent join), all instances. */
export function screeningRetries(text: string): number {
  return metricTotal(text, 'chokepoint_screening_transaction_retries_total');
}

/** Ingest's chunk steps in order (chokepoint_ingest_chunk_step_seconds). */
const INGEST_STEPS = ['decode', 'lookup', 'publish', 'remember'] as const;

/**
 * "ingest chunk steps, mean: decode 27.1 ms, lookup 11.2 ms, …": where a chunk's time went (decode is
 * CPU, the others round trips), from ingest's Prometheus text; steps never timed are left out.
 */
export function describeIngestSteps(text: string): string {
  const name = 'chokepoint_ingest_chunk_step_seconds';
  const steps = INGEST_STEPS.flatMap((step) => {
    const count = metricTotal(text, `${name}_count`, { step });
    const sum = metricTotal(text, `${name}_sum`, { step });
    return count > 0 ? [`${step} ${((sum / count) * 1000).toFixed(1)} ms`] : [];
  });
  return `ingest chunk steps, mean: ${steps.length > 0 ? steps.join(', ') : 'none timed'}`;
}

/** Screening's marks (the canonical records it has committed the effects of) and its unpublished outbox. */
export async function screeningProgress(db: Client): Promise<{ processed: number; backlog: number }> {
  const { rows } = await db.query<{ processed: string; backlog: string }>(
    `SELECT (SELECT coalesce(sum(source_offset + 1), 0) FROM processed_event WHERE consumer = 'screening') AS processed,
            (SELECT count(*) FROM outbox) AS backlog`,
  );
  return { processed: Number(rows[0]?.processed ?? 0), backlog: Number(rows[0]?.backlog ?? 0) };
}
