import type { HoldSummary } from '../api/ops-api.types';
import { slaBadge, type SlaTone } from './sla-badge';

const now = new Date('2026-03-04T12:00:00Z');

function badgeFor(overrides: Partial<Pick<HoldSummary, 'slaState' | 'deadline' | 'status'>>) {
  return slaBadge(
    {
      slaState: 'OK',
      deadline: '2026-03-04T18:00:00Z',
      deadlineBasis: 'ONWARD_DEPARTURE',
      status: 'OPEN',
      ...overrides,
    },
    now,
  );
}

describe('slaBadge', () => {
  it.each<[string, Partial<Pick<HoldSummary, 'slaState' | 'deadline' | 'status'>>, SlaTone, string, string]>([
    ['on time', {}, 'OK', 'On time', 'due in 6 h'],
    [
      'near breach',
      { slaState: 'NEAR', deadline: '2026-03-04T12:40:00Z' },
      'NEAR',
      'Near breach',
      'due in 40 min',
    ],
    [
      'breached by the server',
      { slaState: 'BREACHED', deadline: '2026-03-04T09:30:00Z' },
      'BREACHED',
      'Breached',
      '2 h 30 min over',
    ],
    [
      'breached since the server said near',
      { slaState: 'NEAR', deadline: '2026-03-04T11:59:00Z' },
      'BREACHED',
      'Breached',
      '1 min over',
    ],
    [
      'breached exactly at the deadline',
      { deadline: '2026-03-04T12:00:00Z' },
      'BREACHED',
      'Breached',
      '<1 min over',
    ],
    [
      'server breached, clock earlier',
      { slaState: 'BREACHED', deadline: '2026-03-04T13:00:00Z' },
      'BREACHED',
      'Breached',
      'deadline passed',
    ],
    [
      'paused past deadline',
      { slaState: 'PAUSED', deadline: '2026-03-04T09:00:00Z' },
      'PAUSED',
      'Paused',
      'awaiting information',
    ],
    [
      'released',
      { status: 'RELEASED', slaState: 'BREACHED', deadline: '2026-03-04T09:00:00Z' },
      'CLOSED',
      'Closed',
      'released',
    ],
    ['seized', { status: 'SEIZED' }, 'CLOSED', 'Closed', 'seized'],
    ['unreadable deadline', { deadline: 'soon' }, 'OK', 'On time', 'no deadline'],
  ])('%s', (_name, overrides, tone, label, detail) => {
    const badge = badgeFor(overrides);
    expect(badge).toMatchObject({ tone, label, detail });
    expect(badge.symbol).not.toBe('');
  });

  it('names the deadline basis in the description', () => {
    expect(badgeFor({ slaState: 'NEAR', deadline: '2026-03-04T12:40:00Z' }).description).toBe(
      'SLA near breach: due in 40 min (deadline from onward departure)',
    );
  });

  it('gives each state its own symbol, so colour is not the only cue', () => {
    const symbols = (['OK', 'NEAR', 'BREACHED', 'PAUSED'] as const).map(
      (slaState) => badgeFor({ slaState, deadline: '2026-03-04T18:00:00Z' }).symbol,
    );
    expect(new Set([...symbols, badgeFor({ status: 'SEIZED' }).symbol]).size).toBe(5);
  });
});
