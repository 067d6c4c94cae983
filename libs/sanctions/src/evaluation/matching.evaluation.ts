import { normaliseName } from '../party-name.normaliser';
import type { SanctionsIndex } from '../sanctions-index.screener';
import type { SanctionsList } from '../sanctions-list.model';
import { PERTURBATION_KINDS, perturbName, type PerturbationKind } from './name-perturbation.generator';
import type { SeededRandom } from './seeded-random';

export interface PositiveCase {
  query: string;
  original: string;
  kind: PerturbationKind;
  expectedReference: string;
}

export interface NegativeCase {
  query: string;
  source: string;
}

export interface ThresholdResult {
  threshold: number;
  recall: number;
  falseHitRate: number;
}

export interface EvaluationReport {
  positives: number;
  negatives: number;
  sweep: ThresholdResult[];
  /** At the threshold asked for. */
  recallByKind: Record<string, { cases: number; recall: number }>;
  /** Recall per perturbation kind at each threshold of the sweep, in sweep order. */
  recallByKindSweep: Record<string, number[]>;
  falseHitRateBySource: Record<string, { cases: number; falseHitRate: number }>;
  misses: PositiveCase[];
  falseHits: Array<NegativeCase & { matchedName: string; score: number }>;
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\p{M}\s]+$/u;

/** Every Latin-script name and alias of every entry, each perturbed in every way that applies. */
export function buildPositiveCases(
  lists: readonly SanctionsList[],
  random: SeededRandom,
  maxPerKind = Number.POSITIVE_INFINITY,
): PositiveCase[] {
  const byKind = new Map<PerturbationKind, PositiveCase[]>();
  for (const list of lists) {
    for (const entry of list.entries) {
      const names = [entry.name, ...entry.aliases.map((alias) => alias.name)].filter((name) =>
        LATIN_ONLY.test(name),
      );
      for (const original of names) {
        for (const kind of PERTURBATION_KINDS) {
          if (kind === 'LEGAL_FORM' && entry.kind !== 'ENTITY') {
            continue;
          }
          const query = perturbName(original, kind, random);
          if (query !== undefined) {
            const cases = byKind.get(kind) ?? [];
            cases.push({ query, original, kind, expectedReference: entry.reference });
            byKind.set(kind, cases);
          }
        }
      }
    }
  }
  return [...byKind.values()].flatMap((cases) =>
    cases.length > maxPerKind ? random.sample(cases, maxPerKind) : cases,
  );
}

const COMPANY_PATTERNS = [
  '{} SHIPPING CO LTD',
  '{} MARINE SERVICES LLC',
  '{} TRADING COMPANY',
  '{} LOGISTICS GMBH',
  '{} PORT AUTHORITY',
  '{} STEEL CORPORATION',
  '{} GROUP INTERNATIONAL',
  '{} FREIGHT FORWARDING SA',
];

/** Company-like names built from real place or vessel names ("HAI PHONG SHIPPING CO LTD"). */
export function buildCompanyLikeNames(
  baseNames: readonly string[],
  random: SeededRandom,
  count: number,
): string[] {
  return random
    .sample(baseNames, count)
    .map((base) => random.pick(COMPANY_PATTERNS).replace('{}', base.toUpperCase()));
}

/**
 * Negatives that are, once normalised, literally a list name are not negatives ("Hamburg" would be
 * one if a list entry were called HAMBURG); they are dropped and counted.
 */
export function excludeListedNames(
  lists: readonly SanctionsList[],
  negatives: readonly NegativeCase[],
): { kept: NegativeCase[]; excluded: NegativeCase[] } {
  const listed = new Set(
    lists.flatMap((list) =>
      list.entries.flatMap((entry) =>
        [entry.name, ...entry.aliases.map((alias) => alias.name)].map((name) =>
          normaliseName(name).join(' '),
        ),
      ),
    ),
  );
  const kept: NegativeCase[] = [];
  const excluded: NegativeCase[] = [];
  for (const negative of negatives) {
    (listed.has(normaliseName(negative.query).join(' ')) ? excluded : kept).push(negative);
  }
  return { kept, excluded };
}

function rate(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Scores every case once at the lowest threshold, then reads off each threshold of the sweep. */
export function evaluateMatching(
  index: SanctionsIndex,
  positives: readonly PositiveCase[],
  negatives: readonly NegativeCase[],
  thresholds: readonly number[],
  chosenThreshold: number,
): EvaluationReport {
  const floor = Math.min(chosenThreshold, ...thresholds);
  const positiveScores = positives.map(
    (positive) =>
      index
        .screenNameAt(positive.query, floor)
        .find((hit) => hit.entryReference === positive.expectedReference)?.score ?? 0,
  );
  const negativeBest = negatives.map((negative) => index.screenNameAt(negative.query, floor)[0]);
  const negativeScores = negativeBest.map((hit) => hit?.score ?? 0);
  const sweep = [...thresholds].map((threshold) => ({
    threshold,
    recall: rate(positiveScores.filter((score) => score >= threshold).length, positives.length),
    falseHitRate: rate(negativeScores.filter((score) => score >= threshold).length, negatives.length),
  }));
  const recallByKind: EvaluationReport['recallByKind'] = {};
  const recallByKindSweep: EvaluationReport['recallByKindSweep'] = {};
  const kinds = new Set(positives.map((positive) => positive.kind));
  for (const kind of kinds) {
    const scores = positiveScores.filter((_, i) => positives[i]?.kind === kind);
    const recallAt = (threshold: number): number =>
      rate(scores.filter((score) => score >= threshold).length, scores.length);
    recallByKind[kind] = { cases: scores.length, recall: recallAt(chosenThreshold) };
    recallByKindSweep[kind] = sweep.map(({ threshold }) => recallAt(threshold));
  }
  const falseHitRateBySource: EvaluationReport['falseHitRateBySource'] = {};
  for (const source of new Set(negatives.map((negative) => negative.source))) {
    const scores = negativeScores.filter((_, i) => negatives[i]?.source === source);
    falseHitRateBySource[source] = {
      cases: scores.length,
      falseHitRate: rate(scores.filter((score) => score >= chosenThreshold).length, scores.length),
    };
  }
  return {
    positives: positives.length,
    negatives: negatives.length,
    sweep,
    recallByKind,
    recallByKindSweep,
    falseHitRateBySource,
    misses: positives.filter((_, i) => (positiveScores[i] ?? 0) < chosenThreshold),
    falseHits: negatives.flatMap((negative, i) => {
      const hit = negativeBest[i];
      return hit !== undefined && hit.score >= chosenThreshold
        ? [{ ...negative, matchedName: hit.matchedName, score: hit.score }]
        : [];
    }),
  };
}
