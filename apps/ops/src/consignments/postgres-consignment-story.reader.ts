import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { DecisionEvent } from '@chokepoint/contracts';
import type { ConsignmentState } from '@chokepoint/engine';
import { DATA_SOURCE } from '@chokepoint/persistence';
import type { ConsignmentRecord, ConsignmentStoryReader } from './consignment-story.reader';

interface ConsignmentRow {
  id: string;
  state: ConsignmentState | string;
  created_at: Date;
}

function toRecord(row: ConsignmentRow): ConsignmentRecord {
  // The column may be json or jsonb; pg hands back parsed JSON for both, text only if cast.
  const state = typeof row.state === 'string' ? (JSON.parse(row.state) as ConsignmentState) : row.state;
  return { state, firstSeenAt: row.created_at };
}

/** Reads screening's `consignment` and `decision` tables; ops never writes them. */
@Injectable()
export class PostgresConsignmentStoryReader implements ConsignmentStoryReader {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async find(consignmentId: string): Promise<ConsignmentRecord | null> {
    const rows: ConsignmentRow[] = await this.dataSource.query(
      `SELECT id, state, created_at FROM consignment WHERE id = $1`,
      [consignmentId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findMany(consignmentIds: readonly string[]): Promise<Map<string, ConsignmentRecord>> {
    if (consignmentIds.length === 0) {
      return new Map();
    }
    const rows: ConsignmentRow[] = await this.dataSource.query(
      `SELECT id, state, created_at FROM consignment WHERE id = ANY($1)`,
      [[...new Set(consignmentIds)]],
    );
    return new Map(rows.map((row) => [row.id, toRecord(row)]));
  }

  async decisions(consignmentId: string): Promise<DecisionEvent[]> {
    const rows: Array<{ payload: DecisionEvent | string }> = await this.dataSource.query(
      `SELECT payload FROM decision WHERE consignment_id = $1 ORDER BY sequence`,
      [consignmentId],
    );
    return rows.map((row) =>
      typeof row.payload === 'string' ? (JSON.parse(row.payload) as DecisionEvent) : row.payload,
    );
  }
}
