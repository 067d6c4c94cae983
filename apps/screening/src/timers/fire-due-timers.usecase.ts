import { Injectable } from '@nestjs/common';
import type { DecisionEvent } from '@chokepoint/contracts';
import { ScreeningTimerRepository, WriteBatch } from '@chokepoint/persistence';
import { Clock } from '../clock/clock';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ConsignmentStore } from '../consignments/consignment.store';
import { ConsignmentWorkspace } from '../consignments/consignment-workspace';
import { ScreeningUnitOfWork } from '../consignments/screening-unit-of-work';
import { RuleSetService } from '../rule-set/rule-set.service';

export interface FiredTimers {
  fired: { timerId: string; ruleId: string }[];
  decisions: DecisionEvent[];
  /** Due timers left for the next round because their consignment was busy. */
  deferred: number;
}

/**
 * Fires timers due by the wall clock, each exactly once: claimed with SKIP LOCKED (instances share the
 * work), applied with the engine's applyTimer at the timer's due time inside the consignment's locked
 * transaction, and marked fired in that same transaction. A consignment another transaction holds is
 * skipped rather than waited for, so a timer never blocks the consumer (nor deadlocks with it).
 */
@Injectable()
export class FireDueTimersUseCase {
  constructor(
    private readonly unitOfWork: ScreeningUnitOfWork,
    private readonly store: ConsignmentStore,
    private readonly timers: ScreeningTimerRepository,
    private readonly ruleSet: RuleSetService,
    private readonly clock: Clock,
    private readonly env: ScreeningEnvironment,
  ) {}

  execute(): Promise<FiredTimers> {
    return this.unitOfWork.run('timers', async (sql) => {
      const now = this.clock.now();
      const due = await this.timers.claimDue(sql, now, this.env.TIMER_BATCH_SIZE);
      if (due.length === 0) {
        return { fired: [], decisions: [], deferred: 0 };
      }
      const context = this.ruleSet.worldContext();
      const seed = await this.store.loadAvailable(
        sql,
        due.map((timer) => timer.consignmentId),
      );
      const available = new Set(seed.consignments.map((state) => state.consignmentId));
      const workspace = new ConsignmentWorkspace(context, seed);
      const fired: FiredTimers['fired'] = [];
      let deferred = 0;
      for (const timer of due) {
        if (!available.has(timer.consignmentId)) {
          deferred += 1;
          continue;
        }
        workspace.applyTimer(timer.spec);
        fired.push({ timerId: timer.timerId, ruleId: timer.spec.ruleId });
      }
      const changes = workspace.changes();
      const batch = new WriteBatch();
      this.store.save(batch, changes, {
        decisionsTopic: this.env.DECISIONS_TOPIC,
        pendingMovementMaxHours: context.rulePack.limits.pendingMovementMaxHours,
      });
      // A timer the engine armed again (due later) is re-armed by the save, not marked fired.
      const armedAgain = new Set(changes.timersSet.map((timer) => timer.timerId));
      this.timers.markFired(
        batch,
        fired.map((timer) => timer.timerId).filter((timerId) => !armedAgain.has(timerId)),
        now,
      );
      await batch.execute(sql);
      return { fired, decisions: changes.decisions, deferred };
    });
  }
}
