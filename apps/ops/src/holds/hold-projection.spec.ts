import type { DecisionEvent } from '@chokepoint/contracts';
import type { Hold, HoldStatus } from './hold';
import { projectDecision, type ProjectionContext } from './hold-projection';

const NOW = new Date('2026-03-04T12:00:00.000Z');
const DEADLINE = new Date('2026-03-05T10:00:00.000Z');
const CONTEXT: ProjectionContext = {
  sla: { deadline: DEADLINE, basis: 'CONFIGURED' },
  route: { portOfLoading: 'VNHPH', portOfDischarge: 'JPTYO', placeOfDelivery: null },
  now: NOW,
};

function decision(overrides: Partial<DecisionEvent> = {}): DecisionEvent {
  return {
    decisionId: `d-${overrides.sequence ?? 1}`,
    consignmentId: 'MAEU1',
    sequence: 1,
    decision: 'HOLD',
    stage: 'EXPORT',
    source: 'RULES',
    decidedAt: '2026-03-04T10:00:00.000Z',
    jurisdiction: 'VN',
    score: 140,
    categories: ['NUCLEAR'],
    reasons: [{ ruleId: 'HS_NUCLEAR', outcome: 'HOLD', score: 0, message: 'm', evidence: {} }],
    equipmentReferences: [],
    ruleSetVersion: 'v',
    listVersions: {},
    triggeredBy: { type: 'MANIFEST', eventId: 'e' },
    supersedes: null,
    ...overrides,
  };
}

function hold(overrides: Partial<Hold> = {}): Hold {
  return {
    consignmentId: 'MAEU1',
    status: 'CLAIMED',
    stage: 'EXPORT',
    categories: ['NUCLEAR'],
    ruleIds: ['HS_NUCLEAR'],
    score: 140,
    heldAt: new Date('2026-03-04T10:00:00.000Z'),
    decisionSequence: 1,
    decisionId: 'd-1',
    portOfLoading: 'VNHPH',
    portOfDischarge: 'JPTYO',
    placeOfDelivery: null,
    baseDeadline: DEADLINE,
    deadlineBasis: 'CONFIGURED',
    deadline: DEADLINE,
    slaPausedSince: null,
    slaPausedMs: 0,
    slaPauses: [],
    assigneeId: 'officer-1',
    firstReleaseBy: null,
    closedAt: null,
    updatedAt: NOW,
    ...overrides,
  };
}

describe('projectDecision', () => {
  it('opens a hold on the first HOLD', () => {
    const result = projectDecision(null, decision(), CONTEXT);
    expect(result.kind).toBe('opened');
    expect(result.kind !== 'ignored' && result.hold).toMatchObject({
      status: 'OPEN',
      heldAt: new Date('2026-03-04T10:00:00.000Z'),
      deadline: DEADLINE,
      ruleIds: ['HS_NUCLEAR'],
      portOfLoading: 'VNHPH',
      assigneeId: null,
    });
  });

  it.each([
    ['the same sequence again', 1],
    ['an older sequence', 0],
  ])('ignores %s', (_name, sequence) => {
    expect(projectDecision(hold({ decisionSequence: 1 }), decision({ sequence }), CONTEXT)).toEqual({
      kind: 'ignored',
      reason: 'older_sequence',
    });
  });

  it('adds a new HOLD reason to an open hold and keeps its start, status and officer', () => {
    const next = decision({
      sequence: 2,
      score: 200,
      categories: ['SANCTIONS'],
      reasons: [{ ruleId: 'PARTY_SANCTIONED', outcome: 'HOLD', score: 0, message: 'm', evidence: {} }],
    });
    const result = projectDecision(hold({ slaPausedMs: 3_600_000 }), next, CONTEXT);
    expect(result.kind).toBe('updated');
    expect(result.kind !== 'ignored' && result.hold).toMatchObject({
      status: 'CLAIMED',
      assigneeId: 'officer-1',
      heldAt: new Date('2026-03-04T10:00:00.000Z'),
      categories: ['NUCLEAR', 'SANCTIONS'],
      ruleIds: ['HS_NUCLEAR', 'PARTY_SANCTIONED'],
      score: 200,
      decisionSequence: 2,
      deadline: new Date(DEADLINE.getTime() + 3_600_000),
    });
  });

  it.each<[HoldStatus, string | null, HoldStatus]>([
    ['AWAITING_SECOND_OFFICER', 'officer-1', 'CLAIMED'],
    ['AWAITING_SECOND_OFFICER', null, 'OPEN'],
    ['SEIZED', 'officer-1', 'SEIZED'],
    ['REFERRED', 'officer-1', 'REFERRED'],
  ])('a new HOLD on a %s hold (assignee %s) leaves it %s', (status, assigneeId, expected) => {
    const result = projectDecision(
      hold({ status, assigneeId, firstReleaseBy: 'officer-1' }),
      decision({ sequence: 2 }),
      CONTEXT,
    );
    expect(result.kind !== 'ignored' && result.hold.status).toBe(expected);
    expect(result.kind !== 'ignored' && result.hold.firstReleaseBy).toBe(
      status === 'AWAITING_SECOND_OFFICER' ? null : 'officer-1',
    );
  });

  it('closes a hold on a RELEASE, ending a running pause', () => {
    const pausedSince = new Date('2026-03-04T11:00:00.000Z');
    const result = projectDecision(
      hold({
        status: 'INFO_REQUESTED',
        slaPausedSince: pausedSince,
        slaPauses: [{ from: pausedSince.toISOString(), to: null }],
      }),
      decision({
        sequence: 2,
        decision: 'RELEASE',
        source: 'OFFICER',
        decidedAt: '2026-03-04T11:30:00.000Z',
      }),
      CONTEXT,
    );
    expect(result.kind).toBe('released');
    expect(result.kind !== 'ignored' && result.hold).toMatchObject({
      status: 'RELEASED',
      closedAt: new Date('2026-03-04T11:30:00.000Z'),
      slaPausedSince: null,
      slaPausedMs: 30 * 60_000,
      slaPauses: [{ from: pausedSince.toISOString(), to: '2026-03-04T11:30:00.000Z' }],
    });
  });

  it('reopens a released hold as a new hold on a later HOLD', () => {
    const result = projectDecision(
      hold({ status: 'RELEASED', closedAt: NOW }),
      decision({ sequence: 3, decidedAt: '2026-03-04T13:00:00.000Z' }),
      CONTEXT,
    );
    expect(result.kind).toBe('opened');
    expect(result.kind !== 'ignored' && result.hold).toMatchObject({
      status: 'OPEN',
      closedAt: null,
      heldAt: new Date('2026-03-04T13:00:00.000Z'),
    });
  });

  it('ignores a RELEASE for a consignment that was never held', () => {
    expect(projectDecision(null, decision({ decision: 'RELEASE' }), CONTEXT)).toEqual({
      kind: 'ignored',
      reason: 'no_hold',
    });
  });
});
