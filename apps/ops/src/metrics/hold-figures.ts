import { HOLD_STATUSES } from '../holds/hold';
import { SLA_STATES } from '../sla/sla-clock';

export interface HoldFigureRow {
  status: string;
  /** Null for closed holds: the SLA only counts for the active queue. */
  sla: string | null;
  count: string | number;
}

export interface HoldFigures {
  byStatus: Record<string, number>;
  activeBySla: Record<string, number>;
}

/** Every known status and SLA state, zero when absent, so a series never vanishes when a queue empties. */
export function holdFigures(rows: readonly HoldFigureRow[]): HoldFigures {
  const byStatus: Record<string, number> = Object.fromEntries(HOLD_STATUSES.map((status) => [status, 0]));
  const activeBySla: Record<string, number> = Object.fromEntries(SLA_STATES.map((state) => [state, 0]));
  for (const row of rows) {
    const count = Number(row.count);
    byStatus[row.status] = (byStatus[row.status] ?? 0) + count;
    if (row.sla !== null) {
      activeBySla[row.sla] = (activeBySla[row.sla] ?? 0) + count;
    }
  }
  return { byStatus, activeBySla };
}
