import type { HoldPage, HoldSummary } from '../api/ops-api.types';
import { holdSummary } from '../testing/hold-summary.factory';
import {
  ANNOUNCE_BATCH_MS,
  holdQueueReducer,
  type HoldQueueAction,
  type HoldQueueState,
  INITIAL_QUEUE_STATE,
} from './hold-queue.reducer';

const counts: HoldPage['counts'] = { total: 2, byStatus: { OPEN: 2 }, bySla: { OK: 2 } };

function page(items: HoldSummary[], nextCursor: string | null = null): HoldPage {
  return { items, nextCursor, counts };
}

function run(actions: HoldQueueAction[], state: HoldQueueState = INITIAL_QUEUE_STATE): HoldQueueState {
  return actions.reduce(holdQueueReducer, state);
}

const a = holdSummary({ consignmentId: 'A' });
const b = holdSummary({ consignmentId: 'B' });
const loaded = run([{ type: 'pageLoaded', page: page([a, b], 'cursor-1'), append: false }]);

describe('holdQueueReducer', () => {
  it('loads a first page', () => {
    expect(loaded.rows.map((row) => row.consignmentId)).toEqual(['A', 'B']);
    expect(loaded).toMatchObject({ nextCursor: 'cursor-1', counts, loaded: true, arrivals: [] });
  });

  it('appends the next page without duplicating rows and drops arrivals it now holds', () => {
    const c = holdSummary({ consignmentId: 'C' });
    const state = run(
      [
        { type: 'holdUpserted', hold: c, matches: true, at: 1 },
        { type: 'pageLoaded', page: page([b, c], null), append: true },
      ],
      loaded,
    );
    expect(state.rows.map((row) => row.consignmentId)).toEqual(['A', 'B', 'C']);
    expect(state.arrivals).toEqual([]);
    expect(state.nextCursor).toBeNull();
  });

  it('resets arrivals, detached rows and flashes on a fresh load but keeps the announcement counter', () => {
    const state = run(
      [
        { type: 'holdUpserted', hold: holdSummary({ consignmentId: 'N' }), matches: true, at: 1 },
        { type: 'holdRemoved', consignmentId: 'A', at: 2 },
        { type: 'pageLoaded', page: page([b]), append: false },
      ],
      loaded,
    );
    expect(state).toMatchObject({ arrivals: [], detached: {}, flashes: {} });
    expect(state.announcement.seq).toBe(2);
  });

  it('parks a new matching hold in the arrivals strip, flashes and announces it, leaving the rows alone', () => {
    const fresh = holdSummary({
      consignmentId: 'NEW1',
      stage: 'EXPORT',
      categories: ['NUCLEAR'],
      score: 100,
    });
    const state = run([{ type: 'holdUpserted', hold: fresh, matches: true, at: 1000 }], loaded);
    expect(state.rows).toBe(loaded.rows);
    expect(state.arrivals).toEqual([fresh]);
    expect(state.flashes).toEqual({ NEW1: 1 });
    expect(state.announcement.text).toBe('New hold NEW1: EXPORT, NUCLEAR, score 100.');
  });

  it('ignores a new hold outside the filters', () => {
    const state = run(
      [{ type: 'holdUpserted', hold: holdSummary({ consignmentId: 'X' }), matches: false, at: 1 }],
      loaded,
    );
    expect(state).toBe(loaded);
  });

  it('puts the newest arrival first', () => {
    const state = run(
      [
        { type: 'holdUpserted', hold: holdSummary({ consignmentId: 'N1' }), matches: true, at: 1 },
        { type: 'holdUpserted', hold: holdSummary({ consignmentId: 'N2' }), matches: true, at: 2 },
      ],
      loaded,
    );
    expect(state.arrivals.map((row) => row.consignmentId)).toEqual(['N2', 'N1']);
  });

  it('batches announcements of arrivals that come close together', () => {
    const state = run(
      [
        { type: 'holdUpserted', hold: holdSummary({ consignmentId: 'N1' }), matches: true, at: 1000 },
        { type: 'holdUpserted', hold: holdSummary({ consignmentId: 'N2' }), matches: true, at: 2000 },
        { type: 'holdUpserted', hold: holdSummary({ consignmentId: 'N3' }), matches: true, at: 3000 },
      ],
      loaded,
    );
    expect(state.announcement.text).toBe('3 new holds: N1, N2, N3.');
    const later = run(
      [
        {
          type: 'holdUpserted',
          hold: holdSummary({ consignmentId: 'N4' }),
          matches: true,
          at: 1000 + ANNOUNCE_BATCH_MS,
        },
      ],
      state,
    );
    expect(later.announcement.text).toMatch(/^New hold N4:/);
  });

  it('updates a row in place and flashes it', () => {
    const claimed = holdSummary({
      consignmentId: 'B',
      status: 'CLAIMED',
      assignee: { id: 'u1', displayName: 'Officer' },
      updatedAt: '2026-03-04T11:00:00.000Z',
    });
    const state = run([{ type: 'holdUpserted', hold: claimed, matches: true, at: 1 }], loaded);
    expect(state.rows).toEqual([a, claimed]);
    expect(state.flashes).toEqual({ B: 1 });
    expect(state.arrivals).toEqual([]);
  });

  it('updates an arrival in place', () => {
    const first = holdSummary({ consignmentId: 'N1' });
    const second = holdSummary({
      consignmentId: 'N1',
      status: 'CLAIMED',
      updatedAt: '2026-03-04T11:00:00.000Z',
    });
    const state = run(
      [
        { type: 'holdUpserted', hold: first, matches: true, at: 1 },
        { type: 'holdUpserted', hold: second, matches: true, at: 2 },
      ],
      loaded,
    );
    expect(state.arrivals).toEqual([second]);
    expect(state.flashes).toEqual({ N1: 2 });
  });

  it('ignores an event older than the row it has', () => {
    const newer = holdSummary({ consignmentId: 'A', decisionSequence: 3, status: 'CLAIMED' });
    const older = holdSummary({ consignmentId: 'A', decisionSequence: 2, status: 'OPEN' });
    const state = run(
      [
        { type: 'holdUpserted', hold: newer, matches: true, at: 1 },
        { type: 'holdUpserted', hold: older, matches: true, at: 2 },
      ],
      loaded,
    );
    expect(state.rows[0]).toBe(newer);
  });

  it('keeps a row that no longer matches in place, marked, and clears the mark when it matches again', () => {
    const released = holdSummary({
      consignmentId: 'A',
      status: 'RELEASED',
      updatedAt: '2026-03-04T11:00:00Z',
    });
    const filteredOut = run([{ type: 'holdUpserted', hold: released, matches: false, at: 1 }], loaded);
    expect(filteredOut.rows.map((row) => row.consignmentId)).toEqual(['A', 'B']);
    expect(filteredOut.detached).toEqual({ A: 'FILTERED_OUT' });
    const back = holdSummary({ consignmentId: 'A', status: 'OPEN', updatedAt: '2026-03-04T12:00:00Z' });
    expect(run([{ type: 'holdUpserted', hold: back, matches: true, at: 2 }], filteredOut).detached).toEqual(
      {},
    );
  });

  it('marks a removed hold instead of dropping its row, once', () => {
    const state = run([{ type: 'holdRemoved', consignmentId: 'A', at: 5 }], loaded);
    expect(state.rows).toBe(loaded.rows);
    expect(state.detached).toEqual({ A: 'REMOVED' });
    expect(state.announcement.text).toBe('Hold A left the queue.');
    expect(run([{ type: 'holdRemoved', consignmentId: 'A', at: 6 }], state)).toBe(state);
  });

  it('ignores the removal of a hold it does not show', () => {
    expect(run([{ type: 'holdRemoved', consignmentId: 'ZZZ', at: 1 }], loaded)).toBe(loaded);
  });

  it('announces a breach that happens live', () => {
    const breached = holdSummary({
      consignmentId: 'B',
      slaState: 'BREACHED',
      updatedAt: '2026-03-04T19:00:00Z',
    });
    const state = run([{ type: 'holdUpserted', hold: breached, matches: true, at: 1 }], loaded);
    expect(state.announcement.text).toBe('Hold B has breached its deadline.');
  });

  it('refreshes counts', () => {
    const next = { total: 9, byStatus: { OPEN: 9 }, bySla: { BREACHED: 1 } };
    expect(run([{ type: 'countsRefreshed', counts: next }], loaded).counts).toBe(next);
  });
});
