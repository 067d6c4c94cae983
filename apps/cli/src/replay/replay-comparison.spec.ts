import type { DecisionEvent, DecisionReason, RuleId } from '@chokepoint/contracts';
import { compareOutcomes } from './replay-comparison';

function decision(
  consignmentId: string,
  outcome: 'HOLD' | 'RELEASE',
  ruleIds: RuleId[],
  sequence = 1,
): DecisionEvent {
  return {
    decisionId: `${consignmentId}-${sequence}`,
    consignmentId,
    sequence,
    decision: outcome,
    stage: 'EXPORT',
    source: 'RULES',
    decidedAt: '2026-03-02T08:00:00.000Z',
    jurisdiction: 'VN',
    score: 0,
    categories: [],
    reasons: ruleIds.map((ruleId): DecisionReason => ({
      ruleId,
      outcome: 'FLAG',
      score: 10,
      message: ruleId,
      evidence: {},
    })),
    equipmentReferences: [],
    ruleSetVersion: 'x',
    listVersions: {},
    triggeredBy: { type: 'MANIFEST', eventId: consignmentId },
    supersedes: null,
  };
}

const byId = (...decisions: DecisionEvent[]): Map<string, DecisionEvent> =>
  new Map(decisions.map((d) => [d.consignmentId, d]));

describe('compareOutcomes', () => {
  it.each([
    ['NEWLY_HELD', decision('A', 'RELEASE', []), decision('A', 'HOLD', ['HS_DUAL_USE'])],
    ['NO_LONGER_HELD', decision('A', 'HOLD', ['EMBARGO_DESTINATION']), decision('A', 'RELEASE', [])],
    [
      'REASONS_CHANGED',
      decision('A', 'HOLD', ['HS_MILITARY']),
      decision('A', 'HOLD', ['HS_MILITARY', 'LICENCE_MISSING']),
    ],
    ['ONLY_BASE', decision('A', 'RELEASE', []), undefined],
    ['ONLY_CANDIDATE', undefined, decision('A', 'HOLD', ['HS_NUCLEAR'])],
  ])('names a %s change', (change, base, candidate) => {
    const { differences } = compareOutcomes(
      base ? byId(base) : new Map(),
      candidate ? byId(candidate) : new Map(),
    );

    expect(differences).toHaveLength(1);
    expect(differences[0]?.change).toBe(change);
    expect(differences[0]?.base === null).toBe(base === undefined);
    expect(differences[0]?.candidate === null).toBe(candidate === undefined);
  });

  it('lists reason codes added and removed, and leaves out unchanged consignments', () => {
    const { differences, compared } = compareOutcomes(
      byId(decision('B', 'HOLD', ['HS_MILITARY', 'VAGUE_DESCRIPTION']), decision('A', 'RELEASE', [])),
      byId(decision('B', 'HOLD', ['HS_MILITARY', 'LICENCE_MISSING'], 2), decision('A', 'RELEASE', [], 3)),
    );

    expect(compared).toBe(2);
    expect(differences).toEqual([
      {
        consignmentId: 'B',
        change: 'REASONS_CHANGED',
        base: {
          decision: 'HOLD',
          stage: 'EXPORT',
          sequence: 1,
          score: 0,
          reasons: ['HS_MILITARY', 'VAGUE_DESCRIPTION'],
        },
        candidate: {
          decision: 'HOLD',
          stage: 'EXPORT',
          sequence: 2,
          score: 0,
          reasons: ['HS_MILITARY', 'LICENCE_MISSING'],
        },
        reasonsAdded: ['LICENCE_MISSING'],
        reasonsRemoved: ['VAGUE_DESCRIPTION'],
      },
    ]);
  });
});
