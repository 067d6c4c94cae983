import type {
  DecisionEvent,
  DecisionOutcome,
  DecisionReason,
  DecisionSource,
  DecisionTrigger,
  RiskCategory,
  RuleId,
  Stage,
} from '@chokepoint/contracts';
import type {
  ConsignmentState,
  PublishedDecision,
  ScreeningContext,
} from '../consignment/consignment-state.types';
import { SCREENING_RULES } from '../rules/rule-catalogue';
import type { RuleFinding } from '../rules/rule.types';
import { decisionIdFor } from './decision-id';
import { formatReasonMessage } from './reason-message.formatter';
import type { RuleEvaluation } from './rule-evaluator';

const RULE_ORDER = new Map<RuleId, number>(SCREENING_RULES.map((rule, index) => [rule.id, index]));

function toReason(finding: RuleFinding): DecisionReason {
  return {
    ruleId: finding.ruleId,
    outcome: finding.outcome,
    score: finding.score,
    message: formatReasonMessage(finding.ruleId, finding.evidence),
    evidence: finding.evidence,
  };
}

function byRuleOrder(a: DecisionReason, b: DecisionReason): number {
  return (RULE_ORDER.get(a.ruleId) ?? 0) - (RULE_ORDER.get(b.ruleId) ?? 0);
}

/**
 * DESIGN.md publication rules: publish on the first screening in scope; afterwards only when the
 * effective decision changes or a HOLD rule id appears that the current HOLD does not list. A rules
 * HOLD sticks until an officer releases it; after that release only an unacknowledged rule re-holds.
 */
export function shouldPublish(state: ConsignmentState, evaluation: RuleEvaluation): boolean {
  const previous = state.published;
  if (!previous) {
    return true;
  }
  if (previous.decision === 'HOLD') {
    return evaluation.holdRuleIds.some((ruleId) => !previous.holdRuleIds.includes(ruleId));
  }
  if (evaluation.outcome === 'RELEASE') {
    return false;
  }
  const acknowledged = state.acknowledgedRuleIds;
  if (evaluation.holdRuleIds.some((ruleId) => !acknowledged.includes(ruleId))) {
    return true;
  }
  return evaluation.holdByScore && evaluation.flagRuleIds.some((ruleId) => !acknowledged.includes(ruleId));
}

export interface DecisionDraft {
  decision: DecisionOutcome;
  source: DecisionSource;
  stage: Stage;
  score: number;
  categories: RiskCategory[];
  reasons: DecisionReason[];
  holdRuleIds: RuleId[];
  trigger: DecisionTrigger;
}

/** Draft of the rules' decision; a HOLD carries on the HOLD reasons of the HOLD it extends. */
export function draftRulesDecision(
  state: ConsignmentState,
  evaluation: RuleEvaluation,
  stage: Stage,
  trigger: DecisionTrigger,
): DecisionDraft {
  const reasons = evaluation.findings.map(toReason);
  const categories = new Set(evaluation.categories);
  const holdRuleIds = [...evaluation.holdRuleIds];
  const previous = state.published;
  if (evaluation.outcome === 'HOLD' && previous?.decision === 'HOLD') {
    for (const reason of previous.reasons) {
      if (reason.outcome === 'HOLD' && !holdRuleIds.includes(reason.ruleId)) {
        reasons.push(reason);
        holdRuleIds.push(reason.ruleId);
      }
    }
    previous.categories.forEach((category) => categories.add(category));
  }
  return {
    decision: evaluation.outcome,
    source: 'RULES',
    stage,
    score: evaluation.score,
    categories: [...categories].sort(),
    reasons: reasons.sort(byRuleOrder),
    holdRuleIds,
    trigger,
  };
}

/** Turns a draft into the next decision of the consignment (sequence, id, supersedes). */
export function issueDecision(
  state: ConsignmentState,
  draft: DecisionDraft,
  ctx: ScreeningContext,
): { event: DecisionEvent; published: PublishedDecision } {
  const sequence = (state.published?.sequence ?? 0) + 1;
  const decisionId = decisionIdFor(state.consignmentId, sequence, draft.trigger);
  const event: DecisionEvent = {
    decisionId,
    consignmentId: state.consignmentId,
    sequence,
    decision: draft.decision,
    stage: draft.stage,
    source: draft.source,
    decidedAt: ctx.now,
    jurisdiction: ctx.jurisdiction,
    score: draft.score,
    categories: draft.categories,
    reasons: draft.reasons,
    equipmentReferences: state.manifest.equipment.map((equipment) => equipment.reference),
    ruleSetVersion: ctx.rulePack.ruleSetVersion,
    listVersions: { ...ctx.sanctions.listVersions },
    triggeredBy: draft.trigger,
    supersedes: state.published?.decisionId ?? null,
  };
  const published: PublishedDecision = {
    decisionId,
    sequence,
    decision: draft.decision,
    source: draft.source,
    stage: draft.stage,
    decidedAt: ctx.now,
    categories: draft.categories,
    holdRuleIds: draft.holdRuleIds,
    reasons: draft.reasons,
  };
  return { event, published };
}
