import { holdFigures } from './hold-figures';

describe('holdFigures', () => {
  it('zero-fills every status and SLA state for an empty queue', () => {
    const figures = holdFigures([]);
    expect(Object.values(figures.byStatus).every((count) => count === 0)).toBe(true);
    expect(Object.keys(figures.byStatus)).toContain('AWAITING_SECOND_OFFICER');
    expect(figures.activeBySla).toEqual({ OK: 0, NEAR: 0, BREACHED: 0, PAUSED: 0 });
  });

  it('sums rows by status, and by SLA state for active holds only', () => {
    const figures = holdFigures([
      { status: 'OPEN', sla: 'OK', count: '4' },
      { status: 'OPEN', sla: 'BREACHED', count: '2' },
      { status: 'CLAIMED', sla: 'NEAR', count: 1 },
      { status: 'INFO_REQUESTED', sla: 'PAUSED', count: '3' },
      { status: 'RELEASED', sla: null, count: '9' },
    ]);
    expect(figures.byStatus).toMatchObject({
      OPEN: 6,
      CLAIMED: 1,
      INFO_REQUESTED: 3,
      RELEASED: 9,
      SEIZED: 0,
    });
    expect(figures.activeBySla).toEqual({ OK: 4, NEAR: 1, BREACHED: 2, PAUSED: 3 });
  });
});
