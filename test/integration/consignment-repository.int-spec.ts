import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import { applyManifest, applyMovement, type ConsignmentState } from '@chokepoint/engine';
import { ConsignmentRepository, type SqlExecutor, WriteBatch } from '@chokepoint/persistence';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import { manifest, party } from '../../libs/engine/src/testing/manifest.factory';
import { movement } from '../../libs/engine/src/testing/movement.factory';
import { screeningContext } from '../../libs/engine/src/testing/test-context';
import { runToken } from './screening-harness';

/**
 * Consignment states travel to PostgreSQL as one binary parameter of JSON texts cut out by byte offset
 * (ConsignmentRepository.save): every state of a batch must come back exactly as written, whatever
 * characters its names hold, and the hold queue's columns must follow the state.
 */
describe('consignment repository (states written in one batch)', () => {
  const settings = stackSettings();
  const databaseName = `chokepoint_consignments_${runToken().toLowerCase()}`;
  const consignments = new ConsignmentRepository();
  const ctx = screeningContext();
  let client: Client;

  const sql: SqlExecutor = {
    async query<Row>(text: string, parameters: readonly unknown[] = []): Promise<Row[]> {
      const result = await client.query(text, [...parameters]);
      return result.rows as Row[];
    },
  };

  beforeAll(async () => {
    client = new Client({
      connectionString: await createScratchDatabase(settings.databaseUrl, databaseName),
    });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  async function save(states: readonly ConsignmentState[]): Promise<void> {
    const batch = new WriteBatch();
    consignments.save(batch, states);
    await client.query('BEGIN');
    await batch.execute(sql);
    await client.query('COMMIT');
  }

  // Multi-byte UTF-8 (2, 3 and 4 bytes), quotes, backslashes and control characters between ASCII-only
  // states: a byte offset counted in characters, or text escaped twice, shows up as a wrong state.
  const shipperNames = [
    'Plain Ascii Trading Ltd',
    'Société Générale d’Équipement Ünïcode',
    '北京精密仪器进出口有限公司',
    'Emoji 🚢 Shipping "Quoted" \\ Back\\slash\nNew line',
    'Another Plain Exporter',
  ];

  function stateFor(index: number, shipper: string): ConsignmentState {
    return applyManifest(
      undefined,
      manifest({
        transportDocumentReference: `UTF8DOC${index}`,
        parties: [party('SHIPPER', shipper, 'VN'), party('CONSIGNEE', `Consignee ${index} – Ωmega`, 'DE')],
      }),
      ctx,
    ).state;
  }

  it('reads back every state of a batch exactly as written, multi-byte text included', async () => {
    const states = shipperNames.map((name, index) => stateFor(index, name));

    await save(states);

    for (const state of states) {
      const stored = await consignments.find(sql, state.consignmentId);
      expect(stored?.state).toEqual(state);
    }
  });

  it('replaces a state and the columns derived from it on a later save', async () => {
    const before = stateFor(10, shipperNames[2] ?? '');
    await save([before]);
    // The factories' movement is of the factories' manifest's container.
    const after = applyMovement(before, movement(), ctx).state;
    expect(after.movements).toHaveLength(1);

    await save([after, stateFor(11, shipperNames[3] ?? '')]);

    const stored = await consignments.find(sql, after.consignmentId);
    expect(stored?.state).toEqual(after);
    const { rows } = await client.query<{ stage: string | null; current_decision: string | null }>(
      'SELECT stage, current_decision FROM consignment WHERE id = $1',
      [after.consignmentId],
    );
    expect(rows[0]).toEqual({ stage: after.stage, current_decision: after.published?.decision ?? null });
  });
});
