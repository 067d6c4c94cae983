import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { CLOCK, type Clock } from '../clock/clock';
import { ACTIVE_HOLD_STATUSES } from '../holds/hold';
import { slaStateSql } from '../sla/sla-clock';
import { SlaPolicy } from '../sla/sla-policy';
import { type HoldFigureRow, type HoldFigures, holdFigures } from './hold-figures';

/**
 * Hold queue gauges computed when Prometheus scrapes: one grouped COUNT on ops_hold (indexed by
 * status) per scrape, shared by both gauges, so the figures always match the queue the officers see.
 */
@Injectable()
export class HoldMetricsCollector {
  private readonly logger = new Logger('HoldMetricsCollector');
  private inFlight: Promise<HoldFigures | null> | undefined;

  constructor(
    registry: Registry,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sla: SlaPolicy,
  ) {
    const byStatus: Gauge<'status'> = new Gauge({
      name: 'chokepoint_ops_holds',
      help: 'Holds in ops_hold by status, closed ones (RELEASED, SEIZED) included',
      labelNames: ['status'],
      registers: [registry],
      collect: async () => this.publish(byStatus, 'status', (await this.figures())?.byStatus),
    });
    const bySla: Gauge<'sla'> = new Gauge({
      name: 'chokepoint_ops_active_holds_by_sla',
      help: 'Active holds by SLA state: OK, NEAR (deadline within OPS_SLA_NEAR_HOURS), BREACHED, PAUSED',
      labelNames: ['sla'],
      registers: [registry],
      collect: async () => this.publish(bySla, 'sla', (await this.figures())?.activeBySla),
    });
  }

  private publish<L extends string>(
    gauge: Gauge<L>,
    label: L,
    counts: Record<string, number> | undefined,
  ): void {
    // A failed query leaves no series rather than stale ones, so alerts see the gap.
    gauge.reset();
    for (const [value, count] of Object.entries(counts ?? {})) {
      gauge.set({ [label]: value } as Partial<Record<L, string>>, count);
    }
  }

  /** Both gauges collect concurrently within one scrape; they share a single query. */
  private figures(): Promise<HoldFigures | null> {
    this.inFlight ??= this.query().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async query(): Promise<HoldFigures | null> {
    const now = this.clock.now();
    try {
      const rows = await this.dataSource.query<HoldFigureRow[]>(
        `SELECT h.status, CASE WHEN h.status = ANY($1) THEN ${slaStateSql('$2', '$3')} END AS sla,
                count(*) AS count
           FROM ops_hold h GROUP BY 1, 2`,
        [ACTIVE_HOLD_STATUSES, now, new Date(now.getTime() + this.sla.nearMs)],
      );
      return holdFigures(rows);
    } catch (error) {
      this.logger.warn(
        `hold metrics query failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }
}
