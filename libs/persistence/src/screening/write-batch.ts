import type { SqlExecutor } from './sql-executor';

/**
 * Several writes sent as one statement of data-modifying CTEs: one round trip instead of one per
 * table, which is most of a transaction's cost when PostgreSQL runs next to a busy service. All parts
 * see the same snapshot and none sees another's rows, so a batch must not write the same row twice;
 * foreign keys are checked when the whole statement ends.
 */
export class WriteBatch {
  private readonly parts: string[] = [];
  private readonly parameters: unknown[] = [];
  private readonly notifications = new Map<string, string[]>();

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.parameters.push(value);
    return `$${this.parameters.length}`;
  }

  /**
   * Adds a write, or rows later parts read (a SELECT, run once however many read it), and returns its
   * name in the statement (unique); a write needs RETURNING for notify().
   */
  add(name: string, statement: string): string {
    const unique = `${name}_${this.parts.length + 1}`;
    this.parts.push(`${unique} AS (${statement})`);
    return unique;
  }

  /** NOTIFY `channel` at commit if the part named wrote any row. */
  notify(channel: string, part: string): void {
    this.notifications.set(channel, [...(this.notifications.get(channel) ?? []), part]);
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  async execute(sql: SqlExecutor): Promise<void> {
    if (this.parts.length === 0) {
      return;
    }
    const notifications = [...this.notifications].map(
      ([channel, parts]) =>
        `SELECT pg_notify(${this.param(channel)}, '') WHERE ${parts.map((part) => `EXISTS (SELECT 1 FROM ${part})`).join(' OR ')}`,
    );
    const final = notifications.length > 0 ? notifications.join(' UNION ALL ') : 'SELECT 1';
    await sql.query(`WITH ${this.parts.join(',\n')}\n${final}`, this.parameters);
  }
}
