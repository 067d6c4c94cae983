import type { QueryConfig } from 'pg';
import { MAX_NAMED_STATEMENTS, queryNamed, statementName } from './sql-executor';

describe('named statements', () => {
  it('gives the same text the same name every time, and different texts different names', () => {
    const first = statementName('SELECT 1 AS one');
    expect(first).toMatch(/^cp_[0-9a-f]{24}$/);
    expect(statementName('SELECT 1 AS one')).toBe(first);
    expect(statementName('SELECT 2 AS two')).not.toBe(first);
  });

  it('hands node-postgres the text, the values and the name, and returns the rows', async () => {
    const seen: QueryConfig[] = [];
    const client = {
      query: (config: QueryConfig) => {
        seen.push(config);
        return Promise.resolve({ rows: [{ answer: 42 }] });
      },
    };
    const rows = await queryNamed<{ answer: number }>(client as never, 'SELECT $1::int AS answer', [42]);
    expect(rows).toEqual([{ answer: 42 }]);
    expect(seen).toEqual([
      { text: 'SELECT $1::int AS answer', values: [42], name: statementName('SELECT $1::int AS answer') },
    ]);
    expect(seen[0]?.name).toMatch(/^cp_/);
  });

  it('runs texts beyond the cap unnamed, and keeps the names it gave', () => {
    const kept = statementName('SELECT $1::int AS kept');
    for (let i = 0; i < MAX_NAMED_STATEMENTS; i++) {
      statementName(`SELECT ${i} AS filler`);
    }
    expect(statementName('SELECT 3 AS beyond_the_cap')).toBeUndefined();
    expect(statementName('SELECT $1::int AS kept')).toBe(kept);
  });
});
