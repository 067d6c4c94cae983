import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DecisionEvent } from '@chokepoint/contracts';
import type { CliStreams } from '../cli.streams';
import { simulatePortDay } from '../simulate/simulate.command';
import { DEFAULT_SIMULATION_START, type SimulateOptions } from '../simulate/simulate.options';
import type { PortDay } from '../simulate/port-day.generator';
import { buildQualityReport, type QualityReport } from './quality-report';
import { qualityReportMarkdown, qualityReportSummary } from './quality-report.markdown';
import {
  parseQualityReportArguments,
  QUALITY_REPORT_EXIT_CODES,
  QUALITY_REPORT_USAGE,
  type QualityReportOptions,
} from './quality-report.options';
import { replaySimulatedDay } from './simulated-day.replay';

export interface QualityRun {
  report: QualityReport;
  day: PortDay;
  decisions: DecisionEvent[];
}

/**
 * Simulates a planted day, replays it through the replay CLI's code path (decoders, state machine,
 * engine, on event time, clock advanced until every timer is due) and compares with the ground truth.
 */
export async function runQualityCheck(
  options: Pick<QualityReportOptions, 'seed' | 'consignments' | 'riskRate' | 'rulePackPath'>,
): Promise<QualityRun> {
  const simulate: SimulateOptions = {
    seed: options.seed,
    startMs: Date.parse(DEFAULT_SIMULATION_START),
    durationHours: 24,
    consignments: options.consignments,
    riskRate: options.riskRate,
    riskWeights: {},
    rate: 0,
    partitions: 1,
    help: false,
    rulePackPath: options.rulePackPath,
  };
  const day = await simulatePortDay(simulate);
  const replay = await replaySimulatedDay(day.records, {
    until: day.summary.timersDueBy,
    rulePackPath: options.rulePackPath,
  });
  const report = buildQualityReport(
    day.groundTruth,
    replay.decisions,
    {
      seed: options.seed,
      consignments: options.consignments,
      'risk rate': options.riskRate,
      'simulated day': `${day.summary.start} .. ${day.summary.end}`,
      'replayed until': day.summary.timersDueBy,
      records: day.summary.records,
      'rejected records': replay.rejectedRecords,
      'rule set': replay.ruleSetVersion,
    },
    day.summary.unplantable,
  );
  report.totals.records = day.summary.records;
  report.totals.rejectedRecords = replay.rejectedRecords;
  return { report, day, decisions: replay.decisions };
}

/** `chokepoint quality-report` / `npm run quality:report`: exit 0 when the targets are met, 1 when not. */
export async function runQualityReportCommand(argv: readonly string[], streams: CliStreams): Promise<number> {
  let options: QualityReportOptions;
  try {
    options = parseQualityReportArguments(argv);
  } catch (error) {
    streams.stderr.write(`chokepoint quality-report: ${(error as Error).message}\n`);
    return QUALITY_REPORT_EXIT_CODES.usage;
  }
  if (options.help) {
    streams.stdout.write(QUALITY_REPORT_USAGE);
    return QUALITY_REPORT_EXIT_CODES.met;
  }
  try {
    const { report } = await runQualityCheck(options);
    const dir = resolve(options.outputDir);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'quality-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(dir, 'quality-report.md'), qualityReportMarkdown(report));
    streams.stderr.write(`${qualityReportSummary(report)}\n  report: ${join(dir, 'quality-report.md')}\n`);
    return report.targets.met ? QUALITY_REPORT_EXIT_CODES.met : QUALITY_REPORT_EXIT_CODES.notMet;
  } catch (error) {
    streams.stderr.write(`chokepoint quality-report: ${(error as Error).message}\n`);
    return QUALITY_REPORT_EXIT_CODES.failed;
  }
}
