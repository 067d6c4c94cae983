import { randomUUID } from 'node:crypto';
import { stackSettings } from '@chokepoint/config';
import { createScratchDatabase, dropScratchDatabase, type OpsHarness, startOps } from './ops-harness';

const HOUR_MS = 3_600_000;

/** The value of one series in a Prometheus text exposition, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('ops metrics (real HTTP and PostgreSQL)', () => {
  const settings = stackSettings();
  // A database of its own: the gauges count the whole table, which other runs fill in the shared one.
  const databaseName = `it_ops_metrics_${randomUUID().slice(0, 8)}`;
  let ops: OpsHarness;

  async function insertHold(status: string, deadlineInHours: number, closed = false): Promise<void> {
    const now = ops.clock.now();
    const deadline = new Date(now.getTime() + deadlineInHours * HOUR_MS);
    await ops.dataSource.query(
      `INSERT INTO ops_hold (consignment_id, status, stage, held_at, decision_sequence, decision_id,
                             base_deadline, deadline_basis, deadline, closed_at, updated_at)
       VALUES ($1, $2, 'TRANSSHIPMENT', $3, 1, $4, $5, 'CONFIGURED', $5, $6, $3)`,
      [`OPSMET${randomUUID().slice(0, 8)}`, status, now, randomUUID(), deadline, closed ? now : null],
    );
  }

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(settings.databaseUrl, databaseName);
    ops = await startOps({ databaseUrl });
  });

  afterAll(async () => {
    await ops.close();
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  it('serves /metrics without credentials, with every hold series at zero on an empty queue', async () => {
    const response = await ops.request('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(sample(response.text, 'chokepoint_ops_holds{status="OPEN",service="ops"}')).toBe(0);
    expect(sample(response.text, 'chokepoint_ops_active_holds_by_sla{sla="BREACHED",service="ops"}')).toBe(0);
    expect(response.text).toMatch(/^process_cpu_user_seconds_total\{service="ops"\} /m);
  });

  it('counts holds by status and active holds by SLA state at scrape time', async () => {
    await insertHold('OPEN', -2); // breached
    await insertHold('OPEN', 48);
    await insertHold('CLAIMED', 1); // within the 4-hour near window
    await insertHold('RELEASED', -5, true); // closed: counted by status, not by SLA

    const { text } = await ops.request('GET', '/metrics');
    expect(
      ['OPEN', 'CLAIMED', 'RELEASED', 'SEIZED'].map((status) =>
        sample(text, `chokepoint_ops_holds{status="${status}",service="ops"}`),
      ),
    ).toEqual([2, 1, 1, 0]);
    expect(
      ['OK', 'NEAR', 'BREACHED', 'PAUSED'].map((sla) =>
        sample(text, `chokepoint_ops_active_holds_by_sla{sla="${sla}",service="ops"}`),
      ),
    ).toEqual([1, 1, 1, 0]);
  });

  it('keeps the health probes open and the API closed to anonymous callers', async () => {
    expect((await ops.request('GET', '/health/live')).status).toBe(200);
    expect((await ops.request('GET', '/api/holds')).status).toBe(401);
  });
});
