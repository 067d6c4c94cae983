/**
 * npm run test:faults [-- --consignments 1500 --rate 250 --kills 4 --instances 2 --restarts kafka,postgres --keep]
 *
 * Streams a few thousand canonical events into screening instances running as real processes, SIGKILLs
 * an instance at random moments (and restarts it), restarts the broker once and cuts PostgreSQL once
 * mid-stream, then compares the decisions topic with what the replay oracle (ScreeningWorld) issues for
 * the same input, consignment by consignment and sequence by sequence: nothing may be lost, duplicated
 * or different. Runs on topics and a database of its own on the local stack. Exit code 0 when it passes.
 *
 * The scenario is test/support/fault-scenario.ts; the integration suite runs the same one at a smaller
 * size (test/integration/screening-faults.int-spec.ts).
 *
 * Restarts (`--restarts none` for neither, `kafka` or `postgres` for one):
 * - broker: FAULTS_RESTART_KAFKA_CMD when set, else `npm run -s stack:down -- kafka && npm run -s stack:up`
 *   (only the broker, same data directory; needs a broker `npm run stack:up` started). It restarts the
 *   broker everyone on this machine shares.
 * - PostgreSQL: FAULTS_RESTART_POSTGRES_CMD when set (e.g. `pg_ctlcluster --skip-systemctl-redirect 15
 *   main restart`), else every connection to the run's database is dropped (`pg_terminate_backend`).
 */
import 'reflect-metadata';
import { ensureBrokerUp, runFaultScenario } from '../../test/support/fault-scenario';
import { exitOnUsage, scriptOptions, stackUpOrExit, wholeNumberOption } from '../script-cli';

const SCRIPT = 'test:faults';
const USAGE =
  'usage: npm run test:faults -- [--consignments 1500] [--rate 250] [--kills 4] [--instances 2]\n' +
  '         [--restarts kafka,postgres|kafka|postgres|none] [--keep]\n' +
  '(what each does: the header of scripts/faults/screening-faults.ts, and the README)';
const args = scriptOptions(SCRIPT, USAGE, {
  consignments: { type: 'string', default: '1500' },
  rate: { type: 'string', default: '250' },
  kills: { type: 'string', default: '4' },
  instances: { type: 'string', default: '2' },
  restarts: { type: 'string', default: 'kafka,postgres' },
  keep: { type: 'boolean', default: false },
});
const consignments = wholeNumberOption(SCRIPT, 'consignments', args.consignments, 1);
const rate = wholeNumberOption(SCRIPT, 'rate', args.rate, 1);
const kills = wholeNumberOption(SCRIPT, 'kills', args.kills, 0);
const instances = wholeNumberOption(SCRIPT, 'instances', args.instances, 1);
const restarts = new Set(args.restarts.split(',').map((name) => name.trim()));
const unknownRestarts = [...restarts].filter((name) => !['kafka', 'postgres', 'none', ''].includes(name));
if (unknownRestarts.length > 0) {
  exitOnUsage(SCRIPT, `--restarts takes kafka, postgres or none, not ${unknownRestarts.join(', ')}`);
}
stackUpOrExit(SCRIPT);

function log(message: string): void {
  process.stderr.write(`[faults ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

async function main(): Promise<number> {
  const result = await runFaultScenario({
    consignments,
    rate,
    kills,
    instances,
    // undefined: the default for that target (FAULTS_RESTART_*_CMD, else the built-in one).
    restartKafka: restarts.has('kafka') ? undefined : false,
    restartPostgres: restarts.has('postgres') ? undefined : false,
    keep: args.keep,
    log,
  });
  return result.passed ? 0 : 1;
}

void main()
  .catch(async (error: unknown) => {
    log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // A run that failed during the broker restart must not leave the shared broker down.
    await ensureBrokerUp(log).catch((reason: unknown) => log(`broker check failed: ${String(reason)}`));
    return 1;
  })
  .then((code) => process.exit(code));
