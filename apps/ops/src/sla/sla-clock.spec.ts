import { displayedDeadline, pauseSla, resumeSla, type SlaFacts, slaStateOf } from './sla-clock';

const NOW = new Date('2026-03-04T10:00:00Z');
const HOUR = 3_600_000;
const at = (offsetHours: number): Date => new Date(NOW.getTime() + offsetHours * HOUR);

describe('SLA clock', () => {
  it.each<[string, SlaFacts, string]>([
    ['well ahead', { deadline: at(10), pausedSince: null, closedAt: null }, 'OK'],
    ['inside the near window', { deadline: at(3), pausedSince: null, closedAt: null }, 'NEAR'],
    ['exactly at the window edge', { deadline: at(4), pausedSince: null, closedAt: null }, 'NEAR'],
    ['past the deadline', { deadline: at(-1), pausedSince: null, closedAt: null }, 'BREACHED'],
    ['paused, even past the deadline', { deadline: at(-1), pausedSince: at(-2), closedAt: null }, 'PAUSED'],
    ['closed in time', { deadline: at(-1), pausedSince: null, closedAt: at(-2) }, 'OK'],
    ['closed late', { deadline: at(-3), pausedSince: null, closedAt: at(-2) }, 'BREACHED'],
  ])('%s', (_name, facts, expected) => {
    expect(slaStateOf(facts, NOW, 4 * HOUR)).toBe(expected);
  });

  it('stores each pause and pushes the deadline back by its length', () => {
    let state = { pauses: [], pausedSince: null, pausedMs: 0 } as Parameters<typeof pauseSla>[0];
    state = pauseSla(state, at(0));
    state = pauseSla(state, at(1));
    state = resumeSla(state, at(2));
    state = resumeSla(state, at(3));
    state = pauseSla(state, at(5));
    state = resumeSla(state, at(5.5));
    expect(state.pausedMs).toBe(2.5 * HOUR);
    expect(state.pauses).toEqual([
      { from: at(0).toISOString(), to: at(2).toISOString() },
      { from: at(5).toISOString(), to: at(5.5).toISOString() },
    ]);
  });

  it('shows a paused deadline moving with time', () => {
    expect(displayedDeadline({ deadline: at(1), pausedSince: at(-2), closedAt: null }, NOW)).toEqual(at(3));
    expect(displayedDeadline({ deadline: at(1), pausedSince: null, closedAt: null }, NOW)).toEqual(at(1));
  });
});
