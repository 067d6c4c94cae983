import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './compared-settings';
import { RESULTS_DIR } from './pipeline-report';

export type CompareArm = 'default' | 'compared';

/** One throughput phase of `npm run bench -- --compare`: which settings, which round, what it measured. */
export interface CompareRun {
  arm: CompareArm;
  round: number;
  /** Events (end to end: port records) per second. */
  rate: number;
  passthrough: number;
  /** All processes' CPU per event (NaN where /proc cannot be read). */
  cpuUsPerEvent: number;
  walBytesPerEvent: number;
}

export interface CompareSummary {
  rounds: number;
  /** Per round, the compared run's rate over the default run's. */
  rateRatios: number[];
  medianRateRatio: number;
  medianRate: Record<CompareArm, number>;
  medianCpuUsPerEvent: Record<CompareArm, number>;
  medianWalBytesPerEvent: Record<CompareArm, number>;
}

/** The two arms of each round side by side: on a machine whose speed moves, a round's pair compares best. */
export function compareSummary(runs: readonly CompareRun[]): CompareSummary {
  const rounds = [...new Set(runs.map((run) => run.round))].sort((a, b) => a - b);
  const rateRatios = rounds.flatMap((round) => {
    const base = runs.find((run) => run.round === round && run.arm === 'default');
    const other = runs.find((run) => run.round === round && run.arm === 'compared');
    return base && other ? [other.rate / base.rate] : [];
  });
  const of = (arm: CompareArm, pick: (run: CompareRun) => number): number =>
    median(runs.filter((run) => run.arm === arm).map(pick));
  const both = (pick: (run: CompareRun) => number): Record<CompareArm, number> => ({
    default: of('default', pick),
    compared: of('compared', pick),
  });
  return {
    rounds: rounds.length,
    rateRatios,
    medianRateRatio: median(rateRatios),
    medianRate: both((run) => run.rate),
    medianCpuUsPerEvent: both((run) => run.cpuUsPerEvent),
    medianWalBytesPerEvent: both((run) => run.walBytesPerEvent),
  };
}

/** The summary's line: rates, the ratio with each round's, CPU and write-ahead log per event. */
export function describeCompareSummary(summary: CompareSummary, compared: string): string {
  const round = (value: number): string => (Number.isNaN(value) ? 'n/a' : String(Math.round(value)));
  const percent = (ratio: number): string => `${(100 * ratio).toFixed(1)}%`;
  return (
    `with ${compared}: ${round(summary.medianRate.compared)} events/s against ${round(summary.medianRate.default)} ` +
    `with the defaults, ${percent(summary.medianRateRatio)} of their rate (median of ${summary.rounds} ` +
    `round${summary.rounds === 1 ? '' : 's'}: ${summary.rateRatios.map((ratio) => (100 * ratio).toFixed(0)).join(', ')}); ` +
    `CPU ${round(summary.medianCpuUsPerEvent.compared)} µs per event against ${round(summary.medianCpuUsPerEvent.default)}; ` +
    `write-ahead log ${round(summary.medianWalBytesPerEvent.compared)} bytes per event against ` +
    `${round(summary.medianWalBytesPerEvent.default)}`
  );
}

export interface CompareReport {
  run: string;
  stage: string;
  at: string;
  compared: Record<string, string>;
  consignments: number;
  runs: CompareRun[];
  summary: CompareSummary;
}

/** results/bench/<time>-<run>-compare.json; returns its path. */
export function writeCompareReport(report: CompareReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${report.at.replace(/[:.]/g, '-')}-${report.run}-compare.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
