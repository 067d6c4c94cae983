import { stackSettings } from '@chokepoint/config';
import { generatePortDay, type PortDay, type PortDaySummary } from './port-day.generator';
import type { CliStreams } from '../cli.streams';
import { ProgressReporter } from './progress.reporter';
import { ndjsonLine, produceToKafka, writeFileLines, writeLines } from './record.sinks';
import { parseSimulateArguments, SIMULATE_USAGE, type SimulateOptions } from './simulate.options';
import { loadSimulationCatalogue } from './simulation-catalogue.loader';
import { SimulationError, SIMULATION_ERROR_CODES } from './simulation.exception';

export const SIMULATE_EXIT_CODES = { ok: 0, failed: 1, usage: 2 } as const;

/** Loads the sources and generates the day the options describe (no output written). */
export async function simulatePortDay(options: SimulateOptions): Promise<PortDay> {
  const catalogue = await loadSimulationCatalogue({
    rulePackPath: options.rulePackPath,
    sanctionsSource: options.sanctionsSource,
    jurisdiction: options.jurisdiction,
  });
  return generatePortDay(
    {
      seed: options.seed,
      startMs: options.startMs,
      durationHours: options.durationHours,
      consignments: options.consignments,
      riskRate: options.riskRate,
      riskWeights: options.riskWeights,
    },
    catalogue,
  );
}

export function summaryText(summary: PortDaySummary, risky: number): string {
  const planted = Object.entries(summary.plantedByPrimaryCode)
    .map(([code, n]) => `${code}=${n}`)
    .join(' ');
  const unplantable = Object.entries(summary.unplantable)
    .map(([code, why]) => `  ${code}: ${why}`)
    .join('\n');
  return [
    `simulated ${summary.consignments} consignments (${risky} with planted risks), ${summary.records} records (${summary.manifests} manifests, ${summary.movements} movements)`,
    `  seed ${summary.seed}, day ${summary.start} .. ${summary.end}, last record ${summary.lastRecordAt}`,
    `  stages: ${Object.entries(summary.byStage)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
    `  ports: ${Object.entries(summary.byPort)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
    `  planted (primary reason code): ${planted || 'none'}`,
    unplantable ? `  not plantable in DCSA messages:\n${unplantable}` : '',
    `  replay with --until ${summary.timersDueBy} so that every transit and dwell timer comes due`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** `chokepoint simulate …`: returns the exit code; messages go to stderr, NDJSON to stdout or a file. */
export async function runSimulateCommand(argv: readonly string[], streams: CliStreams): Promise<number> {
  let options: SimulateOptions;
  try {
    options = parseSimulateArguments(argv, Date.now());
  } catch (error) {
    streams.stderr.write(`chokepoint simulate: ${(error as Error).message}\n`);
    return SIMULATE_EXIT_CODES.usage;
  }
  if (options.help) {
    streams.stdout.write(SIMULATE_USAGE);
    return SIMULATE_EXIT_CODES.ok;
  }
  try {
    const day = await simulatePortDay(options);
    const lines = (): Iterable<string> => day.records.map(ndjsonLine);
    if (options.kafkaBrokers !== undefined) {
      const brokers = options.kafkaBrokers.length > 0 ? options.kafkaBrokers : stackSettings().brokers;
      const progress = new ProgressReporter(streams, 'producing', day.records.length);
      await produceToKafka(day.records, {
        brokers,
        rate: options.rate,
        partitions: options.partitions,
        onProgress: (sent) => progress.update(sent),
      });
      progress.finish();
    } else if (options.output !== undefined) {
      const progress = new ProgressReporter(streams, 'writing', day.records.length);
      await writeFileLines(options.output, lines(), (n) => progress.update(n));
      progress.finish();
    } else {
      await writeLines(streams.stdout, lines());
    }
    if (options.groundTruth !== undefined) {
      await writeFileLines(
        options.groundTruth,
        day.groundTruth.map((entry) => `${JSON.stringify(entry)}\n`),
      );
    }
    const risky = day.groundTruth.filter((entry) => entry.scenario === 'RISK').length;
    streams.stderr.write(`${summaryText(day.summary, risky)}\n`);
    return SIMULATE_EXIT_CODES.ok;
  } catch (error) {
    const code = error instanceof SimulationError ? error.code : SIMULATION_ERROR_CODES.outputFailed;
    streams.stderr.write(`chokepoint simulate: ${(error as Error).message} [${code}]\n`);
    return SIMULATE_EXIT_CODES.failed;
  }
}
