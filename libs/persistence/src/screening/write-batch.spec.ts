import type { SqlExecutor } from './sql-executor';
import { WriteBatch } from './write-batch';

function recorder(): SqlExecutor & { calls: { sql: string; parameters: readonly unknown[] }[] } {
  const calls: { sql: string; parameters: readonly unknown[] }[] = [];
  return {
    calls,
    query: <Row>(sql: string, parameters: readonly unknown[] = []): Promise<Row[]> => {
      calls.push({ sql, parameters });
      return Promise.resolve([]);
    },
  };
}

describe('WriteBatch', () => {
  it('sends nothing when nothing was added', async () => {
    const sql = recorder();
    await new WriteBatch().execute(sql);
    expect(sql.calls).toEqual([]);
  });

  it('sends every write as one statement with numbered parameters and unique part names', async () => {
    const sql = recorder();
    const batch = new WriteBatch();
    const first = batch.add('rows', `INSERT INTO a SELECT ${batch.param('x')} RETURNING 1`);
    const second = batch.add('rows', `INSERT INTO b SELECT ${batch.param(2)} RETURNING 1`);
    batch.notify('channel', first);
    batch.notify('channel', second);

    await batch.execute(sql);

    expect(first).not.toBe(second);
    expect(sql.calls).toHaveLength(1);
    expect(sql.calls[0]?.parameters).toEqual(['x', 2, 'channel']);
    expect(sql.calls[0]?.sql).toBe(
      `WITH ${first} AS (INSERT INTO a SELECT $1 RETURNING 1),\n${second} AS (INSERT INTO b SELECT $2 RETURNING 1)\n` +
        `SELECT pg_notify($3, '') WHERE EXISTS (SELECT 1 FROM ${first}) OR EXISTS (SELECT 1 FROM ${second})`,
    );
  });
});
