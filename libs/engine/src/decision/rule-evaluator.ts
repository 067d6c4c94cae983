import type { RiskCategory, RuleId, Stage } from '@chokepoint/contracts';
import type { RulePack, RuleSettings } from '../rule-pack/rule-pack.types';
import { SCREENING_RULES } from '../rules/rule-catalogue';
import type { RuleFinding, ScreeningInput, ScreeningRule } from '../rules/rule.types';

export interface RuleEvaluation {
  findings: RuleFinding[];
  /** Sum of FLAG scores. */
  score: number;
  outcome: 'HOLD' | 'RELEASE';
  holdByScore: boolean;
  holdRuleIds: RuleId[];
  flagRuleIds: RuleId[];
  categories: RiskCategory[];
}

interface ActiveRule {
  rule: ScreeningRule;
  settings: RuleSettings;
}

// Which rules run for a stage depends on the pack only: worked out once per pack and stage.
const activeRulesCache = new WeakMap<RulePack, Map<Stage, ActiveRule[]>>();

function activeRules(pack: RulePack, stage: Stage): ActiveRule[] {
  let byStage = activeRulesCache.get(pack);
  if (!byStage) {
    byStage = new Map();
    activeRulesCache.set(pack, byStage);
  }
  let active = byStage.get(stage);
  if (!active) {
    active = [];
    for (const rule of SCREENING_RULES) {
      const settings = pack.rules.get(rule.id);
      if (settings?.enabled && rule.stages.includes(stage)) {
        active.push({ rule, settings });
      }
    }
    byStage.set(stage, active);
  }
  return active;
}

/** Runs every enabled rule of the stage, in catalogue order, and applies the pack's threshold. */
export function evaluateRules(input: ScreeningInput, pack: RulePack): RuleEvaluation {
  const findings: RuleFinding[] = [];
  for (const { rule, settings } of activeRules(pack, input.stage)) {
    for (const finding of rule.evaluate(input, settings)) {
      findings.push(finding);
    }
  }
  let score = 0;
  const holdRuleIds: RuleId[] = [];
  const flagRuleIds: RuleId[] = [];
  for (const finding of findings) {
    if (finding.outcome === 'HOLD') {
      if (!holdRuleIds.includes(finding.ruleId)) {
        holdRuleIds.push(finding.ruleId);
      }
    } else {
      score += finding.score;
      if (!flagRuleIds.includes(finding.ruleId)) {
        flagRuleIds.push(finding.ruleId);
      }
    }
  }
  const holdByScore = score >= pack.holdThreshold;
  const outcome = holdRuleIds.length > 0 || holdByScore ? 'HOLD' : 'RELEASE';
  const categories = new Set<RiskCategory>();
  if (outcome === 'HOLD') {
    for (const finding of findings) {
      if (finding.outcome === 'HOLD' || holdByScore) {
        finding.categories.forEach((category) => categories.add(category));
      }
    }
  }
  return {
    findings,
    score,
    outcome,
    holdByScore,
    holdRuleIds,
    flagRuleIds,
    categories: [...categories].sort(),
  };
}
