import { RULE_IDS, type RuleId } from '@chokepoint/contracts';
import { SimulationError, SIMULATION_ERROR_CODES } from './simulation.exception';

/** A fixed day so that the same seed gives the same file on every machine. */
export const DEFAULT_SIMULATION_START = '2026-03-04T00:00:00Z';
/** Consignments per simulated 24 hours when neither --count is given. */
export const DEFAULT_CONSIGNMENTS_PER_DAY = 2000;
export const DEFAULT_RISK_RATE = 0.05;

export interface SimulateOptions {
  seed: number;
  startMs: number;
  durationHours: number;
  consignments: number;
  riskRate: number;
  riskWeights: Partial<Record<RuleId, number>>;
  /** Records per second when streaming to Kafka; 0 = as fast as possible. */
  rate: number;
  output?: string;
  kafkaBrokers?: string[];
  groundTruth?: string;
  rulePackPath?: string;
  sanctionsSource?: string;
  jurisdiction?: string;
  partitions: number;
  help: boolean;
}

export const SIMULATE_USAGE = `Usage: chokepoint simulate [options]

A realistic day at the jurisdiction's container ports (VN: Hai Phong VNHPH, Cat Lai VNCLI, Cai Mep VNCMT) as
DCSA eBL 3.0 Transport Documents and TNT 3.0 events, with planted risks for every reason code and a ground truth.

  --seed N               PRNG seed (default 1); the same seed gives byte-identical output
  --start ISO|now        simulated day start (default ${DEFAULT_SIMULATION_START}; with --kafka: now)
  --duration 24h         simulated span for the ship calls: 90m, 24h, 2d (default 24h)
  --count N              consignments (default ${DEFAULT_CONSIGNMENTS_PER_DAY} per 24 h of --duration)
  --risk-rate R          share of consignments with a planted risk, 0..1 (default ${DEFAULT_RISK_RATE})
  --risk-weights LIST    relative weights per reason code, e.g. HS_NUCLEAR=3,SEAL_MISMATCH=0 (default 1 each)
  --output FILE          NDJSON records in the replay CLI's input format ("-" = stdout, the default)
  --kafka [BROKERS]      produce to port.manifests.v1 / port.movements.v1 instead (default: the local stack)
  --rate N               records per second when producing to Kafka (default 0 = as fast as possible)
  --partitions N         partitions for the port topics when they must be created (default 3)
  --ground-truth FILE    JSON lines: consignmentId, stage, planted reason codes, expected outcome, notes
  --rules PACK           rule pack the risks are drawn from (default: the engine's VN pack)
  --sanctions FILE|URL   UN consolidated list for sanctioned names and IMO numbers (default: shipped 2018 list)
  --jurisdiction CC      jurisdiction (default: the rule pack's)
  -h, --help             this help
`;

function fail(message: string): never {
  throw new SimulationError(SIMULATION_ERROR_CODES.invalidOption, message);
}

function numberOption(name: string, raw: string, check: (n: number) => boolean, rule: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) {
    fail(`${name} ${raw}: must be ${rule}`);
  }
  return value;
}

/** `90m`, `24h`, `2d` or a bare number of hours. */
export function parseDurationHours(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([mhd]?)$/i.exec(raw.trim());
  if (!match?.[1]) {
    fail(`--duration ${raw}: use minutes, hours or days, e.g. 90m, 24h, 2d`);
  }
  const value = Number(match[1]);
  const unit = (match[2] ?? 'h').toLowerCase();
  const hours = unit === 'm' ? value / 60 : unit === 'd' ? value * 24 : value;
  if (hours < 1 || hours > 24 * 31) {
    fail(`--duration ${raw}: must be between 1 hour and 31 days`);
  }
  return hours;
}

export function parseRiskWeights(raw: string): Partial<Record<RuleId, number>> {
  const weights: Partial<Record<RuleId, number>> = {};
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [code, weight] = part.split('=').map((p) => p.trim());
    if (!code || !(RULE_IDS as readonly string[]).includes(code) || weight === undefined) {
      fail(`--risk-weights ${part}: expected REASON_CODE=WEIGHT with a reason code of DESIGN.md`);
    }
    weights[code as RuleId] = numberOption('--risk-weights', weight, (n) => n >= 0, 'a number >= 0');
  }
  return weights;
}

/** `nowMs` is only read for `--start now` (the caller passes the wall clock in). */
export function parseSimulateArguments(argv: readonly string[], nowMs: number): SimulateOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const takesValue = new Set([
    '--seed',
    '--start',
    '--duration',
    '--count',
    '--risk-rate',
    '--risk-weights',
    '--output',
    '--rate',
    '--partitions',
    '--ground-truth',
    '--rules',
    '--sanctions',
    '--jurisdiction',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (name === '-h' || name === '--help') {
      flags.add('--help');
    } else if (name === '--kafka') {
      const next =
        inline ?? (argv[i + 1] !== undefined && !argv[i + 1]?.startsWith('-') ? argv[++i] : undefined);
      values.set('--kafka', next ?? '');
    } else if (takesValue.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) {
        fail(`${name} needs a value`);
      }
      values.set(name, value);
    } else {
      fail(`unknown option ${arg} (see chokepoint simulate --help)`);
    }
  }
  const get = (name: string): string | undefined => values.get(name);
  const durationHours = parseDurationHours(get('--duration') ?? '24h');
  // Into Kafka the day starts now: services time their timers by the wall clock, and a broker drops
  // records whose timestamps are older than its retention.
  const startRaw = get('--start') ?? (values.has('--kafka') ? 'now' : DEFAULT_SIMULATION_START);
  const startMs = startRaw === 'now' ? Math.floor(nowMs / 60_000) * 60_000 : Date.parse(startRaw);
  if (Number.isNaN(startMs)) {
    fail(`--start ${startRaw}: not an ISO-8601 time (or "now")`);
  }
  const countRaw = get('--count');
  const consignments =
    countRaw === undefined
      ? Math.round((DEFAULT_CONSIGNMENTS_PER_DAY * durationHours) / 24)
      : numberOption(
          '--count',
          countRaw,
          (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000,
          'an integer from 1 to 1000000',
        );
  const kafka = values.get('--kafka');
  const output = get('--output');
  if (kafka !== undefined && output !== undefined) {
    fail('--output and --kafka exclude each other');
  }
  return {
    seed: numberOption(
      '--seed',
      get('--seed') ?? '1',
      (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff,
      'an integer from 0 to 4294967295',
    ),
    startMs,
    durationHours,
    consignments,
    riskRate: numberOption(
      '--risk-rate',
      get('--risk-rate') ?? String(DEFAULT_RISK_RATE),
      (n) => n >= 0 && n <= 1,
      'between 0 and 1',
    ),
    riskWeights: parseRiskWeights(get('--risk-weights') ?? ''),
    rate: numberOption('--rate', get('--rate') ?? '0', (n) => n >= 0, 'a number >= 0'),
    output: output === '-' ? undefined : output,
    kafkaBrokers:
      kafka === undefined
        ? undefined
        : kafka
            .split(',')
            .map((b) => b.trim())
            .filter(Boolean),
    groundTruth: get('--ground-truth'),
    rulePackPath: get('--rules'),
    sanctionsSource: get('--sanctions'),
    jurisdiction: get('--jurisdiction')?.toUpperCase(),
    partitions: numberOption(
      '--partitions',
      get('--partitions') ?? '3',
      (n) => Number.isInteger(n) && n >= 1 && n <= 1000,
      'an integer from 1 to 1000',
    ),
    help: flags.has('--help'),
  };
}
