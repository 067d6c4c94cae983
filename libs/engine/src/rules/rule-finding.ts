import type { RiskCategory, RuleId } from '@chokepoint/contracts';
import type { RuleSettings } from '../rule-pack/rule-pack.types';
import type { RuleFinding } from './rule.types';

export function holdFinding(
  ruleId: RuleId,
  categories: RiskCategory[],
  evidence: Record<string, unknown>,
): RuleFinding {
  return { ruleId, outcome: 'HOLD', score: 0, categories, evidence };
}

export function flagFinding(
  ruleId: RuleId,
  settings: RuleSettings,
  categories: RiskCategory[],
  evidence: Record<string, unknown>,
): RuleFinding {
  return { ruleId, outcome: 'FLAG', score: settings.score, categories, evidence };
}

export function uniqueCategories(categories: Iterable<RiskCategory>): RiskCategory[] {
  return [...new Set(categories)].sort();
}

export function numberParam(settings: RuleSettings, name: string, fallback: number): number {
  const value = settings.params[name];
  return typeof value === 'number' ? value : fallback;
}

export function stringListParam(settings: RuleSettings, name: string): readonly string[] {
  const value = settings.params[name];
  return Array.isArray(value) ? value : [];
}

export function booleanParam(settings: RuleSettings, name: string, fallback: boolean): boolean {
  const value = settings.params[name];
  return typeof value === 'boolean' ? value : fallback;
}
