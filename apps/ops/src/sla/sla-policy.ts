import { Injectable } from '@nestjs/common';
import type { ConsignmentState } from '@chokepoint/engine';
import { milestoneInputOf } from '../consignments/consignment-story';
import { OpsEnvironment } from '../config/ops.environment';
import { type SlaDeadline, slaDeadline } from './sla-deadline';

/** Deadlines and near-breach window as configured for this deployment. */
@Injectable()
export class SlaPolicy {
  constructor(private readonly env: OpsEnvironment) {}

  get nearMs(): number {
    return this.env.OPS_SLA_NEAR_HOURS * 3_600_000;
  }

  deadlineFor(state: ConsignmentState | undefined, stage: string, heldAt: Date): SlaDeadline {
    return slaDeadline(
      milestoneInputOf(state, stage, this.env.JURISDICTION),
      heldAt,
      this.env.OPS_SLA_DEFAULT_HOURS,
    );
  }
}
