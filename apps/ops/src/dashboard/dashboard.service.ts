import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { CLOCK, type Clock } from '../clock/clock';
import { ACTIVE_HOLD_STATUSES } from '../holds/hold';
import { slaStateSql } from '../sla/sla-clock';
import { SlaPolicy } from '../sla/sla-policy';

export interface Dashboard {
  holdsByStage: Record<string, number>;
  holdsByRule: Record<string, number>;
  slaBreaches: number;
  nearBreaches: number;
  decisionsPerHour: Array<{ hour: string; HOLD: number; RELEASE: number }>;
}

const HOUR_MS = 3_600_000;

function countsBy(rows: Array<{ key: string; count: string }>): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
}

/** Figures for the active queue, and decisions per hour over the last 24 hours (oldest first). */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sla: SlaPolicy,
  ) {}

  async dashboard(): Promise<Dashboard> {
    const now = this.clock.now();
    const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const firstHour = new Date(currentHour - 23 * HOUR_MS);
    const [byStage, byRule, bySla, hourly] = await Promise.all([
      this.dataSource.query<Array<{ key: string; count: string }>>(
        `SELECT stage AS key, count(*) AS count FROM ops_hold WHERE status = ANY($1) GROUP BY stage`,
        [ACTIVE_HOLD_STATUSES],
      ),
      this.dataSource.query<Array<{ key: string; count: string }>>(
        `SELECT rule_id AS key, count(*) AS count FROM ops_hold h, unnest(h.rule_ids) AS rule_id
          WHERE h.status = ANY($1) GROUP BY rule_id`,
        [ACTIVE_HOLD_STATUSES],
      ),
      this.dataSource.query<Array<{ key: string; count: string }>>(
        `SELECT ${slaStateSql('$2', '$3')} AS key, count(*) AS count FROM ops_hold h
          WHERE h.status = ANY($1) GROUP BY 1`,
        [ACTIVE_HOLD_STATUSES, now, new Date(now.getTime() + this.sla.nearMs)],
      ),
      this.dataSource.query<Array<{ hour: Date; decision: string; count: number }>>(
        `SELECT hour, decision, count FROM ops_decision_hourly WHERE hour >= $1 AND hour <= $2`,
        [firstHour, new Date(currentHour)],
      ),
    ]);
    const sla = countsBy(bySla);
    const buckets = Array.from({ length: 24 }, (_, index) => ({
      hour: new Date(firstHour.getTime() + index * HOUR_MS).toISOString(),
      HOLD: 0,
      RELEASE: 0,
    }));
    for (const row of hourly) {
      const bucket = buckets[Math.round((row.hour.getTime() - firstHour.getTime()) / HOUR_MS)];
      if (bucket && (row.decision === 'HOLD' || row.decision === 'RELEASE')) {
        bucket[row.decision] += row.count;
      }
    }
    return {
      holdsByStage: countsBy(byStage),
      holdsByRule: countsBy(byRule),
      slaBreaches: sla.BREACHED ?? 0,
      nearBreaches: sla.NEAR ?? 0,
      decisionsPerHour: buckets,
    };
  }
}
