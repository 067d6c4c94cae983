import { ensureBrokerUp, type FaultScenarioResult, runFaultScenario } from '../support/fault-scenario';

/**
 * The fault scenario of `npm run test:faults` (the same function), at a CI size: screening instances as
 * real processes, SIGKILLed at random moments, the broker restarted and PostgreSQL cut once mid-stream;
 * the decisions topic must equal the replay oracle's output consignment by consignment.
 *
 * It restarts the shared broker (the stack script's restart unless FAULTS_RESTART_KAFKA_CMD is set):
 * integration files run in band and none keeps a Kafka client past its own afterAll, and this one waits
 * for the broker to answer again, and brings the stack up if it does not, before the next file starts.
 */
const TEST_TIMEOUT_MS = 10 * 60_000;

function log(message: string): void {
  process.stderr.write(`[faults ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

describe('screening under faults (SIGKILLs, a broker restart, a PostgreSQL fault)', () => {
  const abort = new AbortController();
  let running: Promise<FaultScenarioResult> | undefined;

  afterAll(async () => {
    // A timed-out run must not go on killing and restarting things under the next file.
    abort.abort();
    await running?.catch(() => undefined);
    await ensureBrokerUp(log);
  }, 5 * 60_000);

  it(
    'publishes exactly what the replay oracle issues: nothing lost, duplicated or different',
    async () => {
      running = runFaultScenario({
        consignments: 700,
        rate: 50,
        kills: 3,
        instances: 2,
        basePort: 23_100,
        drainTimeoutMs: 180_000,
        signal: abort.signal,
        log,
      });
      const result = await running;

      expect(result.decisions.expected).toBeGreaterThan(0);
      expect(result).toMatchObject({ lost: 0, duplicated: 0, differing: 0, extra: 0 });
      expect(result.decisions.seen).toBe(result.decisions.expected);
      expect(result.deadLetters.expected).toBeGreaterThan(0);
      expect(result.deadLetters).toEqual({
        expected: result.deadLetters.expected,
        seen: result.deadLetters.expected,
        distinct: result.deadLetters.expected,
        wrongReason: 0,
      });
      expect(result.killsDone).toBeGreaterThanOrEqual(3);
      expect(result.restarts.filter((restart) => restart.target === 'kafka')).toHaveLength(1);
      expect(result.restarts.filter((restart) => restart.target === 'postgres')).toHaveLength(1);
      expect(result.passed).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});
