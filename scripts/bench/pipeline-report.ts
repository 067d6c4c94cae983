import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { SequentialScans } from './postgres-scans';
import type { WalRelationShare } from './postgres-wal';
import { histogramChart, lineChart } from './svg-chart';

export const RESULTS_DIR = join(__dirname, '..', '..', 'results', 'bench');

export type BenchStage = 'end-to-end' | 'screening';

export interface LatencySample {
  atMs: number;
  latencyMs: number;
}

export interface BenchReport {
  run: string;
  stage: BenchStage;
  at: string;
  machine: Record<string, string | number>;
  options: Record<string, string | number>;
  throughput: Record<string, number>;
  /** What became of the records, per phase (throughput, latency). */
  counts: Record<string, Record<string, number>>;
  /** Latency of the records produced after the warm-up. */
  latency: Record<string, number | undefined>;
  /** Latency of the records produced during the warm-up, at the same rate, and its length. */
  latencyWarmUp: Record<string, number | undefined>;
  /** The services' own histograms, per phase. */
  serviceView: Record<string, string>;
  /** CPU per event by process, per phase (see process-cpu.ts); empty where /proc cannot be read. */
  cpu: Record<string, Record<string, number>>;
  /** PostgreSQL's write-ahead log per phase (see postgres-wal.ts): bytes, events, bytes per event. */
  writeAheadLog: Record<string, Record<string, number>>;
  /** The same log by relation, per phase, largest first (absent where the bench could not read the log). */
  writeAheadLogByRelation: Record<string, WalRelationShare[]>;
  /** Rows read by sequential scans per table, per phase, most first (see postgres-scans.ts). */
  sequentialScans: Record<string, SequentialScans[]>;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function latencySummary(
  rate: number,
  samples: readonly LatencySample[],
): Record<string, number | undefined> {
  const latencies = samples.map((sample) => sample.latencyMs).sort((a, b) => a - b);
  return {
    rate,
    decisions: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1],
  };
}

/** A latency phase's decisions: those of records produced during the warm-up, and after it. */
export interface LatencySamples {
  warmUp: LatencySample[];
  measured: LatencySample[];
}

/** Splits decisions by when their trigger was produced: before `measuredFromMs`, or from it on. */
export function splitAtMeasuredStart(
  samples: readonly LatencySample[],
  measuredFromMs: number,
): LatencySamples {
  const split: LatencySamples = { warmUp: [], measured: [] };
  for (const sample of samples) {
    (sample.atMs - sample.latencyMs >= measuredFromMs ? split.measured : split.warmUp).push(sample);
  }
  return split;
}

export function describeMachine(): Record<string, string | number> {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtEnd: Number(loadavg()[0]?.toFixed(2)),
  };
}

const STAGE_TEXT: Record<BenchStage, { title: string; what: string }> = {
  'end-to-end': {
    title: 'end to end',
    what:
      'DCSA records (eBL 3.0, TNT 3.0) produced to the port topics, through ingest and screening (each its ' +
      'own process) to the decisions topic, on real Kafka and PostgreSQL. Latency: from producing a port ' +
      'record to the decision it triggered arriving. The passthrough is a bare kafkajs consume-and-produce ' +
      'of the same port records in the same run (one hop, where the pipeline has two and a database).',
  },
  screening: {
    title: 'screening stage',
    what:
      'Canonical events pre-produced to the canonical topic and drained into decisions by screening alone ' +
      '(its own process) on real Kafka and PostgreSQL. Latency: from producing a canonical event to the ' +
      'decision it triggered arriving. The passthrough is a bare kafkajs consume-and-produce of the same ' +
      'records in the same run.',
  },
};

/** `p50 … ms, p95 … ms, p99 … ms over n`, as the bench's log lines give a set of samples. */
export function describeLatency(samples: readonly LatencySample[]): string {
  if (samples.length === 0) {
    return 'no decisions';
  }
  const summary = latencySummary(0, samples);
  return (
    `p50 ${String(summary.p50Ms)} ms, p95 ${String(summary.p95Ms)} ms, ` +
    `p99 ${String(summary.p99Ms)} ms over ${samples.length}`
  );
}

/**
 * Per second of arrival (counted from the first decision), the median and the 99th percentile of the
 * decisions that arrived in it: where a run's tail comes from, such as the services' first seconds.
 */
export function latencyOverTime(
  samples: readonly LatencySample[],
): Array<{ second: number; p50Ms: number; p99Ms: number }> {
  const first = samples.reduce(
    (earliest, sample) => Math.min(earliest, sample.atMs),
    Number.POSITIVE_INFINITY,
  );
  const bySecond = new Map<number, number[]>();
  for (const sample of samples) {
    const second = Math.floor((sample.atMs - first) / 1000);
    const latencies = bySecond.get(second) ?? [];
    latencies.push(sample.latencyMs);
    bySecond.set(second, latencies);
  }
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, latencies]) => {
      const sorted = latencies.sort((a, b) => a - b);
      return { second, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
    });
}

/**
 * Writes report.json, report.md and three SVG charts into results/bench/<at>-<run>/ (git-ignored): the
 * latency histogram of the measured window, the decisions per second and latency by second of the whole
 * run (warm-up included, which is where its first seconds show).
 */
export function writeBenchReport(report: BenchReport, latencySamples: LatencySamples): string {
  const dir = join(RESULTS_DIR, `${report.at.replace(/[:.]/g, '-')}-${report.run}`);
  mkdirSync(dir, { recursive: true });
  const samples = latencySamples.measured;
  const whole = [...latencySamples.warmUp, ...samples].sort((a, b) => a.atMs - b.atMs);
  const first = whole[0]?.atMs ?? 0;
  const perSecond = new Map<number, number>();
  for (const sample of whole) {
    const second = Math.floor((sample.atMs - first) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  const throughputSvg = lineChart(
    'Decisions per second during the latency run',
    'elapsed (s)',
    'decisions/s',
    [
      {
        name: 'decisions/s',
        colour: '#3b6ea5',
        points: [...perSecond.entries()].sort(([a], [b]) => a - b).map(([x, y]) => ({ x, y })),
      },
    ],
  );
  const bounds = [5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 2000, 5000];
  const buckets = bounds.map((upperMs, index) => ({
    upperMs,
    count: samples.filter(
      (sample) => sample.latencyMs <= upperMs && (index === 0 || sample.latencyMs > (bounds[index - 1] ?? 0)),
    ).length,
  }));
  const stage = STAGE_TEXT[report.stage];
  const afterWarmUp = (report.latencyWarmUp.seconds ?? 0) > 0 ? ' after the warm-up' : '';
  const latencySvg = histogramChart(`Produce-to-decision latency${afterWarmUp} (${stage.title})`, buckets);
  const overTime = latencyOverTime(whole);
  const latencyOverTimeSvg = lineChart(
    `Produce-to-decision latency by second of the run (${stage.title})`,
    'elapsed (s)',
    'latency (ms)',
    [
      {
        name: 'p50',
        colour: '#3b6ea5',
        points: overTime.map(({ second, p50Ms }) => ({ x: second, y: p50Ms })),
      },
      {
        name: 'p99',
        colour: '#c0504d',
        points: overTime.map(({ second, p99Ms }) => ({ x: second, y: p99Ms })),
      },
    ],
  );
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'throughput.svg'), throughputSvg);
  writeFileSync(join(dir, 'latency.svg'), latencySvg);
  writeFileSync(join(dir, 'latency-over-time.svg'), latencyOverTimeSvg);
  const machine = Object.entries(report.machine)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  const options = Object.entries(report.options)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  writeFileSync(
    join(dir, 'report.md'),
    [
      `# Pipeline benchmark, ${stage.title}, ${report.at}`,
      '',
      `Stage: ${report.stage}. ${stage.what}`,
      '',
      `Machine: ${machine}. Options: ${options}.`,
      '',
      '| measure | value |',
      '|---|---|',
      ...Object.entries(report.throughput).map(([key, value]) => `| ${key} | ${value} |`),
      ...Object.entries(report.latency).map(([key, value]) => `| latency ${key} | ${String(value)} |`),
      ...Object.entries(report.latencyWarmUp).map(
        ([key, value]) => `| latency during the warm-up: ${key} | ${String(value)} |`,
      ),
      ...Object.entries(report.counts).flatMap(([phase, counts]) =>
        Object.entries(counts).map(([key, value]) => `| ${phase} phase: ${key} | ${value} |`),
      ),
      ...Object.entries(report.cpu).flatMap(([phase, figures]) =>
        Object.entries(figures).map(([key, value]) => `| ${phase} phase CPU: ${key} | ${value} |`),
      ),
      ...Object.entries(report.writeAheadLog).flatMap(([phase, figures]) =>
        Object.entries(figures).map(([key, value]) => `| ${phase} phase WAL: ${key} | ${value} |`),
      ),
      ...Object.entries(report.writeAheadLogByRelation).flatMap(([phase, shares]) => [
        '',
        `Write-ahead log of the ${phase} phase by relation (a TOAST table under its table's name):`,
        '',
        '| relation | records | bytes | bytes per event | percent |',
        '|---|---|---|---|---|',
        ...shares.map(
          (share) =>
            `| ${share.relation} | ${share.records} | ${share.bytes} | ${share.bytesPerEvent} | ${share.percent} |`,
        ),
      ]),
      ...Object.entries(report.sequentialScans).flatMap(([phase, tables]) => [
        '',
        `Rows read by sequential scans in the ${phase} phase, by table${tables.length === 0 ? ': none' : ':'}`,
        ...(tables.length === 0
          ? []
          : [
              '',
              '| table | scans | rows | rows per event |',
              '|---|---|---|---|',
              ...tables.map(
                (table) => `| ${table.table} | ${table.scans} | ${table.rows} | ${table.rowsPerEvent} |`,
              ),
            ]),
      ]),
      '',
      ...Object.entries(report.serviceView).map(([phase, view]) => `- services' own view, ${phase}: ${view}`),
      '',
      '![throughput](throughput.svg)',
      '',
      '![latency](latency.svg)',
      '',
      '![latency over time](latency-over-time.svg)',
      '',
    ].join('\n'),
  );
  return dir;
}
