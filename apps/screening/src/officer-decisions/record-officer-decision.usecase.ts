import { Injectable } from '@nestjs/common';
import type { DecisionEvent } from '@chokepoint/contracts';
import type { OfficerActionStatus } from '@chokepoint/engine';
import { DecisionRepository, OfficerActionRepository, WriteBatch } from '@chokepoint/persistence';
import { Clock } from '../clock/clock';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ConsignmentStore } from '../consignments/consignment.store';
import { ConsignmentWorkspace } from '../consignments/consignment-workspace';
import { ScreeningUnitOfWork } from '../consignments/screening-unit-of-work';
import { ScreeningMetrics } from '../metrics/screening.metrics';
import { RuleSetService } from '../rule-set/rule-set.service';
import type { OfficerDecisionDto, OfficerDecisionResult } from './officer-decision.dto';
import { ActionIdReusedException, ConsignmentNotFoundException } from './officer-decisions.exception';

/**
 * An officer's release or hold, applied by the engine inside the consignment's locked transaction and
 * published through the outbox like every other decision. The action id is recorded with the answer:
 * the ops app may retry after a timeout and gets the same answer, never a second decision.
 */
@Injectable()
export class RecordOfficerDecisionUseCase {
  constructor(
    private readonly unitOfWork: ScreeningUnitOfWork,
    private readonly store: ConsignmentStore,
    private readonly actions: OfficerActionRepository,
    private readonly decisions: DecisionRepository,
    private readonly ruleSet: RuleSetService,
    private readonly metrics: ScreeningMetrics,
    private readonly clock: Clock,
    private readonly env: ScreeningEnvironment,
  ) {}

  async execute(consignmentId: string, command: OfficerDecisionDto): Promise<OfficerDecisionResult> {
    const result = await this.unitOfWork.run('officer-decision', async (sql) => {
      const seed = await this.store.loadOne(sql, consignmentId);
      if (!seed) {
        throw new ConsignmentNotFoundException(consignmentId);
      }
      // Checked under the consignment's lock, so two concurrent retries cannot both apply.
      const earlier = await this.actions.find(sql, command.actionId);
      if (earlier) {
        if (
          earlier.consignmentId !== consignmentId ||
          earlier.officerId !== command.officerId ||
          earlier.action !== command.action
        ) {
          throw new ActionIdReusedException(command.actionId);
        }
        const decision = earlier.decisionId
          ? await this.decisions.findById(sql, earlier.decisionId)
          : undefined;
        return { status: earlier.status as OfficerActionStatus, decision: decision ?? null, issued: [] };
      }
      const context = this.ruleSet.worldContext();
      const workspace = new ConsignmentWorkspace(context, seed);
      const at = this.clock.now().toISOString();
      const outcome = workspace.applyOfficerDecision(consignmentId, {
        actionId: command.actionId,
        officerId: command.officerId,
        action: command.action,
        at,
        ...(command.text !== undefined ? { note: command.text } : {}),
      });
      const changes = workspace.changes();
      const batch = new WriteBatch();
      this.store.save(batch, changes, {
        decisionsTopic: this.env.DECISIONS_TOPIC,
        pendingMovementMaxHours: context.rulePack.limits.pendingMovementMaxHours,
        officerId: command.officerId,
      });
      const decision: DecisionEvent | null = outcome.decisions[0] ?? null;
      const status = outcome.officerStatus ?? 'OUT_OF_SCOPE';
      this.actions.add(batch, {
        actionId: command.actionId,
        consignmentId,
        officerId: command.officerId,
        action: command.action,
        reasonCode: command.reasonCode,
        note: command.text ?? null,
        status,
        decisionId: decision?.decisionId ?? null,
        actedAt: at,
      });
      await batch.execute(sql);
      return { status, decision, issued: changes.decisions };
    });
    this.metrics.issued(result.issued);
    return { consignmentId, actionId: command.actionId, status: result.status, decision: result.decision };
  }
}
