import { parseArgs } from 'node:util';
import { REPLAY_ERROR_CODES, ReplayException } from './replay.exception';

export interface ReplayOptions {
  /** NDJSON file of Kafka records, or "-" for standard input. */
  input: string;
  /** ISO 3166 alpha-2; when absent, the rule pack's own jurisdiction. */
  jurisdiction?: string;
  /** Rule pack file; when absent, the engine's default pack. */
  rules?: string;
  /** Second rule pack: replay both and print how outcomes differ per consignment. */
  compare?: string;
  /** Advance event time to this instant at the end, so that timers due by then fire. */
  until?: string;
  /** Sanctions lists (UN Consolidated List XML, file or URL); when none, the UN list shipped with Chokepoint. */
  sanctions: string[];
  help: boolean;
}

export const REPLAY_USAGE = `Usage: chokepoint replay --input FILE [--jurisdiction VN] [--rules PACK] [--until ISO-TIME]
                         [--sanctions FILE_OR_URL]... [--compare PACK2]

Replays recorded Kafka records through the same decoders, validation, state handling and rule engine as
the services, in memory and on event time (no Kafka, no database), and prints the decisions.

  --input FILE             NDJSON, one Kafka record per line ("-" reads standard input):
                           {"topic": "port.manifests.v1", "key": "…", "headers": {…},
                            "timestamp": "2026-03-04T10:15:00Z", "value": <message JSON or raw text>}
  --jurisdiction CC        ISO 3166 alpha-2 country served (default: the rule pack's, VN for the default pack)
  --rules PACK             rule pack YAML (default: libs/engine/rule-packs/vn-default.rule-pack.yaml)
  --until ISO-TIME         advance event time to this instant at the end so that due timers fire
                           (TRANSIT_OVERDUE, DWELL_EXCEEDED); without it the clock stops at the last record
  --sanctions FILE_OR_URL  UN Security Council Consolidated List XML; repeatable (default: the 2018-10-29
                           snapshot in libs/sanctions/data); lists after the first are recorded under their
                           file name
  --compare PACK2          replay with --rules (or the default pack) AND with PACK2; print per consignment how
                           the final outcome differs instead of the decisions (format below)
  -h, --help               this text

Output
  stdout   one decision per line, exactly as published on chokepoint.decisions.v1 (same input, same ids)
  stderr   a summary: records read, rejections with their codes and line numbers, decisions by outcome and
           by rule, consignments out of scope; a progress bar while reading when stderr is a terminal

--compare output (stdout, one JSON object per consignment whose final outcome or reasons differ):
  {"consignmentId": "MAEU123456789", "change": "NEWLY_HELD",
   "base":      {"decision": "RELEASE", "stage": "EXPORT", "sequence": 1, "score": 40, "reasons": ["HS_DUAL_USE"]},
   "candidate": {"decision": "HOLD", "stage": "EXPORT", "sequence": 1, "score": 80, "reasons": ["HS_DUAL_USE", …]},
   "reasonsAdded": [...], "reasonsRemoved": [...]}
  change: NEWLY_HELD (held only with PACK2), NO_LONGER_HELD (held only with the base pack), REASONS_CHANGED
  (same decision, other reason codes), ONLY_BASE / ONLY_CANDIDATE (decided in scope by one pack only);
  base/candidate are null when that pack published no decision. stderr gets the counts per change.

Exit codes
  0  the input was processed (rejected records are reported in the summary, not fatal)
  1  the output could not be written
  2  bad arguments
  3  the input cannot be read
  4  a rule pack cannot be read or is invalid
  5  a sanctions list cannot be read

Examples
  npx chokepoint replay --input test/fixtures/replay/readme-example.ndjson
  npx chokepoint replay --input day.ndjson --until 2026-03-10T00:00:00Z > decisions.ndjson
  npx chokepoint replay --input day.ndjson --compare ./candidate.rule-pack.yaml
`;

const JURISDICTION = /^[A-Za-z]{2}$/;
// A date (UTC midnight), or a date and time with its zone: a zoneless time would be read in the
// machine's zone and the same replay would differ between machines. Date.parse alone accepts "1".
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** A real calendar date (Date.parse turns 2026-02-30 into March 2) and a time Date.parse accepts. */
function isIsoInstant(text: string): boolean {
  if (!ISO_INSTANT.test(text) || Number.isNaN(Date.parse(text))) {
    return false;
  }
  const [year = 0, month = 0, day = 0] = text.slice(0, 10).split('-').map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function badArguments(message: string): ReplayException {
  return new ReplayException(REPLAY_ERROR_CODES.badArguments, message);
}

/** parseArgs' messages are long and speak of positionals; say what is wrong in a few words. */
function argumentError(error: unknown): ReplayException {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /(--[\w-]+)/.exec(message)?.[1] ?? /'(-\w)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return badArguments(`unknown option ${option ?? message}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return badArguments(`option ${option ?? ''} needs a value`.replace('  ', ' '));
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return badArguments(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? message}`);
    default:
      return badArguments(message);
  }
}

export function parseReplayArguments(argv: readonly string[]): ReplayOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw argumentError(error);
  }
  if (values.help === true) {
    return { input: '', sanctions: [], help: true };
  }
  const input = values.input;
  if (input === undefined || input.length === 0) {
    throw badArguments('--input FILE is required');
  }
  const jurisdiction = values.jurisdiction;
  if (jurisdiction !== undefined && !JURISDICTION.test(jurisdiction)) {
    throw badArguments(`--jurisdiction ${jurisdiction}: expected an ISO 3166 alpha-2 code such as VN`);
  }
  const until = values.until;
  if (until !== undefined && !isIsoInstant(until)) {
    throw badArguments(
      `--until ${until}: expected an ISO-8601 time with its zone, e.g. 2026-03-10T00:00:00Z`,
    );
  }
  for (const [name, value] of [
    ['--rules', values.rules],
    ['--compare', values.compare],
  ] as const) {
    if (value !== undefined && value.length === 0) {
      throw badArguments(`${name} needs a file name`);
    }
  }
  return {
    input,
    jurisdiction: jurisdiction?.toUpperCase(),
    rules: values.rules,
    compare: values.compare,
    until: until === undefined ? undefined : new Date(Date.parse(until)).toISOString(),
    sanctions: values.sanctions ?? [],
    help: false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      input: { type: 'string', short: 'i' },
      jurisdiction: { type: 'string' },
      rules: { type: 'string' },
      compare: { type: 'string' },
      until: { type: 'string' },
      sanctions: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
