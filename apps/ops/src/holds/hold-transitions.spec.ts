import { type Hold, HOLD_STATUSES, type HoldStatus } from './hold';
import { ALLOWED_FROM, HOLD_ACTIONS, transitions } from './hold-transitions';
import { HoldsException } from './holds.exception';

const NOW = new Date('2026-03-04T12:00:00.000Z');
const DEADLINE = new Date('2026-03-05T10:00:00.000Z');

function hold(status: HoldStatus, overrides: Partial<Hold> = {}): Hold {
  return {
    consignmentId: 'MAEU1',
    status,
    stage: 'EXPORT',
    categories: [],
    ruleIds: [],
    score: 0,
    heldAt: new Date('2026-03-04T10:00:00.000Z'),
    decisionSequence: 1,
    decisionId: 'd',
    portOfLoading: null,
    portOfDischarge: null,
    placeOfDelivery: null,
    baseDeadline: DEADLINE,
    deadlineBasis: 'CONFIGURED',
    deadline: DEADLINE,
    slaPausedSince: null,
    slaPausedMs: 0,
    slaPauses: [],
    assigneeId: null,
    firstReleaseBy: null,
    closedAt: null,
    updatedAt: NOW,
    ...overrides,
  };
}

const APPLY: Record<Exclude<(typeof HOLD_ACTIONS)[number], 'release'>, (current: Hold) => Hold> = {
  claim: (current) => transitions.claim(current, 'officer-1', NOW),
  assign: (current) => transitions.assign(current, 'officer-2', NOW),
  note: (current) => transitions.note(current, NOW),
  'request-info': (current) => transitions.requestInfo(current, NOW),
  'info-received': (current) => transitions.infoReceived(current, NOW),
  'refer-inspection': (current) => transitions.referInspection(current, NOW),
  seizure: (current) => transitions.seize(current, NOW),
};

describe('hold transitions', () => {
  const table = (Object.keys(APPLY) as Array<keyof typeof APPLY>).flatMap((action) =>
    HOLD_STATUSES.map((status) => [action, status, ALLOWED_FROM[action].includes(status)] as const),
  );

  it.each(table)('%s from %s allowed: %s', (action, status, allowed) => {
    const attempt = (): Hold =>
      APPLY[action](hold(status, status === 'INFO_REQUESTED' ? { slaPausedSince: NOW } : {}));
    if (allowed) {
      expect(attempt().updatedAt).toEqual(NOW);
    } else {
      expect(attempt).toThrow(HoldsException);
    }
  });

  it.each<[string, (current: Hold) => Hold, Partial<Hold>]>([
    [
      'claim opens to CLAIMED',
      (current) => transitions.claim(current, 'officer-1', NOW),
      { status: 'CLAIMED', assigneeId: 'officer-1' },
    ],
    [
      'request-info pauses',
      (current) => transitions.requestInfo(current, NOW),
      { status: 'INFO_REQUESTED', slaPausedSince: NOW },
    ],
    ['referral', (current) => transitions.referInspection(current, NOW), { status: 'REFERRED' }],
    ['seizure closes', (current) => transitions.seize(current, NOW), { status: 'SEIZED', closedAt: NOW }],
  ])('%s', (_name, apply, expected) => {
    expect(apply(hold('OPEN'))).toMatchObject(expected);
  });

  it('refuses to claim a hold another officer has', () => {
    const attempt = (): Hold =>
      transitions.claim(hold('CLAIMED', { assigneeId: 'officer-2' }), 'officer-1', NOW);
    expect(attempt).toThrow(HoldsException);
    expect(attempt).toThrow('another officer has this hold; a supervisor can reassign it');
  });

  it('returns to the assignee after the information arrives and moves the deadline by the pause', () => {
    const paused = transitions.requestInfo(hold('CLAIMED', { assigneeId: 'officer-1' }), NOW);
    const resumed = transitions.infoReceived(paused, new Date(NOW.getTime() + 90 * 60_000));
    expect(resumed).toMatchObject({
      status: 'CLAIMED',
      slaPausedSince: null,
      slaPausedMs: 90 * 60_000,
      deadline: new Date(DEADLINE.getTime() + 90 * 60_000),
    });
  });
});
