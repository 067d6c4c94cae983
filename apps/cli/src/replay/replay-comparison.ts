import type { DecisionEvent, DecisionOutcome, RuleId, Stage } from '@chokepoint/contracts';

export const OUTCOME_CHANGES = [
  'NEWLY_HELD',
  'NO_LONGER_HELD',
  'REASONS_CHANGED',
  'ONLY_BASE',
  'ONLY_CANDIDATE',
] as const;
export type OutcomeChange = (typeof OUTCOME_CHANGES)[number];

/** A consignment's effective decision, reduced to what a backtest compares. */
export interface OutcomeView {
  decision: DecisionOutcome;
  stage: Stage;
  sequence: number;
  score: number;
  /** Reason codes listed on the decision, in the pack's reason order. */
  reasons: RuleId[];
}

/** One line of `replay --compare` output. */
export interface OutcomeDifference {
  consignmentId: string;
  change: OutcomeChange;
  base: OutcomeView | null;
  candidate: OutcomeView | null;
  reasonsAdded: RuleId[];
  reasonsRemoved: RuleId[];
}

function viewOf(decision: DecisionEvent | undefined): OutcomeView | null {
  if (!decision) {
    return null;
  }
  return {
    decision: decision.decision,
    stage: decision.stage,
    sequence: decision.sequence,
    score: decision.score,
    reasons: [...new Set(decision.reasons.map((reason) => reason.ruleId))],
  };
}

function changeOf(
  base: OutcomeView | null,
  candidate: OutcomeView | null,
  reasonsDiffer: boolean,
): OutcomeChange | null {
  if (!base) {
    return candidate ? 'ONLY_CANDIDATE' : null;
  }
  if (!candidate) {
    return 'ONLY_BASE';
  }
  if (base.decision !== candidate.decision) {
    return candidate.decision === 'HOLD' ? 'NEWLY_HELD' : 'NO_LONGER_HELD';
  }
  return reasonsDiffer ? 'REASONS_CHANGED' : null;
}

/**
 * Consignments whose effective decision differs between two replays of the same input (base: the
 * --rules pack, candidate: the --compare pack), ordered by consignment id. Same outcome with the same
 * reason codes counts as unchanged, whatever the scores or wording.
 */
export function compareOutcomes(
  base: ReadonlyMap<string, DecisionEvent>,
  candidate: ReadonlyMap<string, DecisionEvent>,
): { differences: OutcomeDifference[]; compared: number } {
  const ids = [...new Set([...base.keys(), ...candidate.keys()])].sort();
  const differences: OutcomeDifference[] = [];
  for (const consignmentId of ids) {
    const before = viewOf(base.get(consignmentId));
    const after = viewOf(candidate.get(consignmentId));
    const reasonsBefore = before?.reasons ?? [];
    const reasonsAfter = after?.reasons ?? [];
    const reasonsAdded = reasonsAfter.filter((ruleId) => !reasonsBefore.includes(ruleId));
    const reasonsRemoved = reasonsBefore.filter((ruleId) => !reasonsAfter.includes(ruleId));
    const change = changeOf(before, after, reasonsAdded.length > 0 || reasonsRemoved.length > 0);
    if (change) {
      differences.push({
        consignmentId,
        change,
        base: before,
        candidate: after,
        reasonsAdded,
        reasonsRemoved,
      });
    }
  }
  return { differences, compared: ids.length };
}
