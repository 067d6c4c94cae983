import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import type { Principal } from '../auth/principal';
import { CLOCK, type Clock } from '../clock/clock';
import { SLA_STATES, slaStateSql } from '../sla/sla-clock';
import { SlaPolicy } from '../sla/sla-policy';
import { HOLD_STATUSES } from './hold';
import { type HoldSummary, toHoldSummary } from './hold-summary';
import { HOLD_COLUMNS, HoldRepository, type HoldRow, toHold } from './hold.repository';
import type { HoldSort, ListHoldsQuery } from './holds.dto';
import { HoldsErrorCode, HoldsException } from './holds.exception';

export interface HoldPage {
  items: HoldSummary[];
  nextCursor: string | null;
  counts: { total: number; byStatus: Record<string, number>; bySla: Record<string, number> };
}

const DEFAULT_SORT: HoldSort = 'deadline';
const DEFAULT_LIMIT = 50;

/** Sort keys map to fixed SQL; nothing from the request is ever spliced into the statement. */
const ORDER: Record<HoldSort, { column: string; descending: boolean; kind: 'time' | 'number' }> = {
  heldAt: { column: 'h.held_at', descending: false, kind: 'time' },
  '-heldAt': { column: 'h.held_at', descending: true, kind: 'time' },
  deadline: { column: 'h.deadline', descending: false, kind: 'time' },
  '-deadline': { column: 'h.deadline', descending: true, kind: 'time' },
  '-score': { column: 'h.score', descending: true, kind: 'number' },
};

interface Cursor {
  s: HoldSort;
  v: string | number;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string, sort: HoldSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const cursor = parsed as Partial<Cursor> | null;
  const kind = ORDER[sort].kind;
  const valid =
    cursor !== null &&
    typeof cursor === 'object' &&
    cursor.s === sort &&
    typeof cursor.id === 'string' &&
    ((kind === 'time' && typeof cursor.v === 'string' && !Number.isNaN(Date.parse(cursor.v))) ||
      (kind === 'number' && typeof cursor.v === 'number' && Number.isFinite(cursor.v)));
  if (!valid) {
    throw new HoldsException(
      HoldsErrorCode.invalidCursor,
      'the cursor does not belong to this sort or is damaged',
      [{ field: 'cursor', code: 'invalidCursor', message: 'start again without a cursor' }],
    );
  }
  return cursor as Cursor;
}

class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

@Injectable()
export class HoldQueryService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly holds: HoldRepository,
    private readonly sla: SlaPolicy,
  ) {}

  async summary(consignmentId: string): Promise<HoldSummary | null> {
    const hold = await this.holds.find(consignmentId);
    return hold ? toHoldSummary(hold, this.clock.now(), this.sla.nearMs) : null;
  }

  async list(query: ListHoldsQuery, principal: Principal): Promise<HoldPage> {
    const now = this.clock.now();
    const sort = query.sort ?? DEFAULT_SORT;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const order = ORDER[sort];
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;

    const counting = new SqlParameters();
    const countWhere = this.filters(query, principal, now, counting);
    const countRows: Array<{ status: string; sla: string; count: string }> = await this.dataSource.query(
      `SELECT h.status, ${this.slaExpression(now, counting)} AS sla, count(*) AS count FROM ops_hold h
         ${countWhere.length > 0 ? `WHERE ${countWhere.join(' AND ')}` : ''}
        GROUP BY 1, 2`,
      counting.values,
    );

    const paging = new SqlParameters();
    const pageWhere = this.filters(query, principal, now, paging);
    if (cursor) {
      const value = order.kind === 'time' ? new Date(cursor.v) : cursor.v;
      const comparison = order.descending ? '<' : '>';
      pageWhere.push(
        `(${order.column}, h.consignment_id) ${comparison} (${paging.add(value)}, ${paging.add(cursor.id)})`,
      );
    }
    const direction = order.descending ? 'DESC' : 'ASC';
    const rows: HoldRow[] = await this.dataSource.query(
      `SELECT ${HOLD_COLUMNS}, u.display_name AS assignee_name
         FROM ops_hold h LEFT JOIN ops_user u ON u.id = h.assignee_id
         ${pageWhere.length > 0 ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY ${order.column} ${direction}, h.consignment_id ${direction}
        LIMIT ${paging.add(limit + 1)}`,
      paging.values,
    );
    const page = rows.slice(0, limit).map(toHold);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({
            s: sort,
            v:
              order.kind === 'number'
                ? last.score
                : (order.column === 'h.held_at' ? last.heldAt : last.deadline).toISOString(),
            id: last.consignmentId,
          })
        : null;
    return {
      items: page.map((hold) => toHoldSummary(hold, now, this.sla.nearMs)),
      nextCursor,
      counts: tallyCounts(countRows),
    };
  }

  private slaExpression(now: Date, parameters: SqlParameters): string {
    return slaStateSql(parameters.add(now), parameters.add(new Date(now.getTime() + this.sla.nearMs)));
  }

  /** Each filter binds its value as a parameter; the DTO has already checked every value. */
  private filters(
    query: ListHoldsQuery,
    principal: Principal,
    now: Date,
    parameters: SqlParameters,
  ): string[] {
    const where: string[] = [];
    if (query.status && query.status.length > 0) {
      where.push(`h.status = ANY(${parameters.add(query.status)}::text[])`);
    }
    if (query.stage) {
      where.push(`h.stage = ${parameters.add(query.stage)}`);
    }
    if (query.ruleId) {
      where.push(`h.rule_ids @> ARRAY[${parameters.add(query.ruleId)}::text]`);
    }
    if (query.category) {
      where.push(`h.categories @> ARRAY[${parameters.add(query.category)}::text]`);
    }
    if (query.port) {
      const port = parameters.add(query.port);
      where.push(
        `(h.port_of_loading = ${port} OR h.port_of_discharge = ${port} OR h.place_of_delivery = ${port})`,
      );
    }
    if (query.assignee === 'none') {
      where.push('h.assignee_id IS NULL');
    } else if (query.assignee) {
      where.push(
        `h.assignee_id = ${parameters.add(query.assignee === 'me' ? principal.id : query.assignee)}::uuid`,
      );
    }
    if (query.minAgeHours !== undefined) {
      where.push(`h.held_at <= ${parameters.add(new Date(now.getTime() - query.minAgeHours * 3_600_000))}`);
    }
    if (query.sla) {
      where.push(`${this.slaExpression(now, parameters)} = ${parameters.add(query.sla)}`);
    }
    return where;
  }
}

function tallyCounts(rows: Array<{ status: string; sla: string; count: string }>): HoldPage['counts'] {
  const byStatus: Record<string, number> = Object.fromEntries(HOLD_STATUSES.map((status) => [status, 0]));
  const bySla: Record<string, number> = Object.fromEntries(SLA_STATES.map((state) => [state, 0]));
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    total += count;
    byStatus[row.status] = (byStatus[row.status] ?? 0) + count;
    bySla[row.sla] = (bySla[row.sla] ?? 0) + count;
  }
  return { total, byStatus, bySla };
}
