import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { type PeriodicTask, runPeriodically } from '@chokepoint/service-runtime';
import { CLOCK, type Clock } from '../clock/clock';
import { OpsEnvironment } from '../config/ops.environment';
import {
  CONSIGNMENT_STORY_READER,
  type ConsignmentStoryReader,
} from '../consignments/consignment-story.reader';
import { SlaPolicy } from '../sla/sla-policy';
import { ACTIVE_HOLD_STATUSES } from './hold';
import { HOLD_CHANGES_CHANNEL } from './hold.repository';

const PAGE_SIZE = 500;

interface ActiveHoldRow {
  consignment_id: string;
  stage: string;
  held_at: Date;
  base_deadline: Date;
  deadline_basis: string;
}

/**
 * Milestones move (a new departure estimate arrives) without a new decision, so deadlines of active
 * holds are recomputed from screening's latest state on a timer.
 */
@Injectable()
export class SlaRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SlaRefresher');
  private periodic: PeriodicTask | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONSIGNMENT_STORY_READER) private readonly reader: ConsignmentStoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sla: SlaPolicy,
    private readonly env: OpsEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic = runPeriodically(this.env.OPS_SLA_REFRESH_SECONDS * 1000, () => this.tick());
  }

  /** Before the database connections close: no new round, and the one in progress finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.periodic?.stop();
  }

  private async tick(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      this.logger.warn(`deadline refresh failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Returns how many deadlines moved. */
  async refresh(): Promise<number> {
    let after = '';
    let moved = 0;
    for (;;) {
      const rows: ActiveHoldRow[] = await this.dataSource.query(
        `SELECT consignment_id, stage, held_at, base_deadline, deadline_basis FROM ops_hold
          WHERE status = ANY($1) AND consignment_id > $2 ORDER BY consignment_id LIMIT $3`,
        [ACTIVE_HOLD_STATUSES, after, PAGE_SIZE],
      );
      const states = await this.reader.findMany(rows.map((row) => row.consignment_id));
      for (const row of rows) {
        const next = this.sla.deadlineFor(states.get(row.consignment_id)?.state, row.stage, row.held_at);
        if (next.deadline.getTime() === row.base_deadline.getTime() && next.basis === row.deadline_basis) {
          continue;
        }
        // Conditional on what was read, so a concurrent change by the projection or an officer wins.
        const [, updated]: [unknown, number] = await this.dataSource.query(
          `UPDATE ops_hold SET base_deadline = $2, deadline_basis = $3,
                  deadline = $2::timestamptz + sla_paused_ms * interval '1 millisecond', updated_at = $4
            WHERE consignment_id = $1 AND base_deadline = $5 AND stage = $6 AND status = ANY($7)`,
          [
            row.consignment_id,
            next.deadline,
            next.basis,
            this.clock.now(),
            row.base_deadline,
            row.stage,
            ACTIVE_HOLD_STATUSES,
          ],
        );
        if (updated > 0) {
          moved += 1;
          await this.dataSource.query(`SELECT pg_notify($1, $2)`, [
            HOLD_CHANGES_CHANNEL,
            JSON.stringify({ type: 'upserted', consignmentId: row.consignment_id }),
          ]);
        }
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < PAGE_SIZE) {
        return moved;
      }
      after = last.consignment_id;
    }
  }
}
