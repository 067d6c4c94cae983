import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const QUALITY_REPORT_DEFAULTS = {
  seed: 20260304,
  consignments: 3000,
  riskRate: 0.1,
  outputDir: join('results', 'quality'),
} as const;

export const QUALITY_REPORT_EXIT_CODES = { met: 0, notMet: 1, usage: 2, failed: 3 } as const;

export interface QualityReportOptions {
  seed: number;
  consignments: number;
  riskRate: number;
  outputDir: string;
  rulePackPath?: string;
  help: boolean;
}

export const QUALITY_REPORT_USAGE = `Usage: chokepoint quality-report [--seed N] [--count N] [--risk-rate R] [--rules PACK] [--output-dir DIR]

Simulates a planted port day (chokepoint simulate), replays it through the replay CLI's code path with the
clock moved on until every timer is due, compares the decisions with the ground truth and writes
DIR/quality-report.md and DIR/quality-report.json (default ${QUALITY_REPORT_DEFAULTS.outputDir}).

  --seed N        simulation seed (default ${QUALITY_REPORT_DEFAULTS.seed})
  --count N       consignments (default ${QUALITY_REPORT_DEFAULTS.consignments})
  --risk-rate R   share with a planted risk (default ${QUALITY_REPORT_DEFAULTS.riskRate})
  --rules PACK    rule pack for both the planting and the screening (default: the engine's VN pack)
  --output-dir D  where the report goes

Targets: every planted HOLD-level reason held with its reason code; clean consignments held <= 1 %.
Exit codes: 0 targets met, 1 targets not met, 2 bad arguments, 3 the run failed.
`;

function number(
  name: string,
  raw: string | undefined,
  fallback: number,
  valid: (n: number) => boolean,
): number {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !valid(value)) {
    throw new Error(`--${name} ${raw}: not a valid value`);
  }
  return value;
}

export function parseQualityReportArguments(argv: readonly string[]): QualityReportOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      'risk-rate': { type: 'string' },
      rules: { type: 'string' },
      'output-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    seed: number('seed', values.seed, QUALITY_REPORT_DEFAULTS.seed, (n) => Number.isInteger(n) && n >= 0),
    consignments: number(
      'count',
      values.count,
      QUALITY_REPORT_DEFAULTS.consignments,
      (n) => Number.isInteger(n) && n >= 1,
    ),
    riskRate: number(
      'risk-rate',
      values['risk-rate'],
      QUALITY_REPORT_DEFAULTS.riskRate,
      (n) => n > 0 && n <= 1,
    ),
    outputDir: values['output-dir'] ?? QUALITY_REPORT_DEFAULTS.outputDir,
    rulePackPath: values.rules,
    help: values.help === true,
  };
}
