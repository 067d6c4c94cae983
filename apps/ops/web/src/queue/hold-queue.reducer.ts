import type { HoldPage, HoldSummary } from '../api/ops-api.types';

/**
 * State of the live queue. The table only grows or shrinks when the officer asks (load more, merge new
 * holds, change filters): live events update rows in place, park new holds in the reserved arrivals
 * strip, and mark rows that left the view instead of removing them, so nothing the officer is looking
 * at moves.
 */
export interface HoldQueueState {
  rows: HoldSummary[];
  /** Holds that arrived on the stream since the last load, newest first. */
  arrivals: HoldSummary[];
  /** Rows kept in place although they no longer belong to the view. */
  detached: Record<string, 'REMOVED' | 'FILTERED_OUT'>;
  /** Bumped on every live change of a row, to flash it. */
  flashes: Record<string, number>;
  nextCursor: string | null;
  counts: HoldPage['counts'] | null;
  announcement: Announcement;
  loaded: boolean;
}

export interface Announcement {
  text: string;
  seq: number;
  /** When the batch of arrivals in `text` started, epoch ms. */
  at: number;
  arrivals: string[];
}

export type HoldQueueAction =
  | { type: 'pageLoaded'; page: HoldPage; append: boolean }
  | { type: 'countsRefreshed'; counts: HoldPage['counts'] }
  | { type: 'holdUpserted'; hold: HoldSummary; matches: boolean; at: number }
  | { type: 'holdRemoved'; consignmentId: string; at: number };

/** Arrivals within this window are announced together ("3 new holds: …"), not one by one. */
export const ANNOUNCE_BATCH_MS = 4_000;
export const MAX_ARRIVALS = 200;

export const INITIAL_QUEUE_STATE: HoldQueueState = {
  rows: [],
  arrivals: [],
  detached: {},
  flashes: {},
  nextCursor: null,
  counts: null,
  announcement: { text: '', seq: 0, at: 0, arrivals: [] },
  loaded: false,
};

function isOlder(incoming: HoldSummary, current: HoldSummary): boolean {
  if (incoming.decisionSequence !== current.decisionSequence) {
    return incoming.decisionSequence < current.decisionSequence;
  }
  return Date.parse(incoming.updatedAt) < Date.parse(current.updatedAt);
}

function bump(flashes: Record<string, number>, id: string): Record<string, number> {
  return { ...flashes, [id]: (flashes[id] ?? 0) + 1 };
}

function withDetached(
  detached: HoldQueueState['detached'],
  id: string,
  reason: 'REMOVED' | 'FILTERED_OUT' | null,
): HoldQueueState['detached'] {
  if (reason === null) {
    if (!(id in detached)) {
      return detached;
    }
    const rest = { ...detached };
    delete rest[id];
    return rest;
  }
  return detached[id] === reason ? detached : { ...detached, [id]: reason };
}

function announce(previous: Announcement, text: string, at: number): Announcement {
  return { text, seq: previous.seq + 1, at, arrivals: [] };
}

function announceArrival(previous: Announcement, hold: HoldSummary, at: number): Announcement {
  const batch = previous.arrivals.length > 0 && at - previous.at < ANNOUNCE_BATCH_MS ? previous.arrivals : [];
  const arrivals = [...batch, hold.consignmentId];
  const categories = hold.categories.length > 0 ? `, ${hold.categories.join(', ')}` : '';
  const text =
    arrivals.length === 1
      ? `New hold ${hold.consignmentId}: ${hold.stage}${categories}, score ${hold.score}.`
      : `${arrivals.length} new holds: ${arrivals.join(', ')}.`;
  return { text, seq: previous.seq + 1, at: batch.length > 0 ? previous.at : at, arrivals };
}

function replaceIn(list: HoldSummary[], hold: HoldSummary): HoldSummary[] {
  return list.map((row) => (row.consignmentId === hold.consignmentId ? hold : row));
}

function upsert(
  state: HoldQueueState,
  action: Extract<HoldQueueAction, { type: 'holdUpserted' }>,
): HoldQueueState {
  const { hold, matches, at } = action;
  const id = hold.consignmentId;
  const current =
    state.rows.find((row) => row.consignmentId === id) ??
    state.arrivals.find((row) => row.consignmentId === id);
  if (current) {
    if (isOlder(hold, current)) {
      return state;
    }
    const inRows = state.rows.some((row) => row.consignmentId === id);
    const breachedNow = hold.slaState === 'BREACHED' && current.slaState !== 'BREACHED';
    return {
      ...state,
      rows: inRows ? replaceIn(state.rows, hold) : state.rows,
      arrivals: inRows ? state.arrivals : replaceIn(state.arrivals, hold),
      detached: withDetached(state.detached, id, matches ? null : 'FILTERED_OUT'),
      flashes: bump(state.flashes, id),
      announcement: breachedNow
        ? announce(state.announcement, `Hold ${id} has breached its deadline.`, at)
        : state.announcement,
    };
  }
  if (!matches) {
    return state;
  }
  return {
    ...state,
    arrivals: [hold, ...state.arrivals].slice(0, MAX_ARRIVALS),
    flashes: bump(state.flashes, id),
    announcement: announceArrival(state.announcement, hold, at),
  };
}

export function holdQueueReducer(state: HoldQueueState, action: HoldQueueAction): HoldQueueState {
  switch (action.type) {
    case 'pageLoaded': {
      if (!action.append) {
        return {
          ...INITIAL_QUEUE_STATE,
          rows: action.page.items,
          nextCursor: action.page.nextCursor,
          counts: action.page.counts,
          announcement: state.announcement,
          loaded: true,
        };
      }
      const known = new Set(state.rows.map((row) => row.consignmentId));
      const added = action.page.items.filter((row) => !known.has(row.consignmentId));
      const addedIds = new Set(added.map((row) => row.consignmentId));
      return {
        ...state,
        rows: [...state.rows, ...added],
        // A hold that arrived live and now comes with the next page is shown once, in the table.
        arrivals: state.arrivals.filter((row) => !addedIds.has(row.consignmentId)),
        nextCursor: action.page.nextCursor,
        counts: action.page.counts,
        loaded: true,
      };
    }
    case 'countsRefreshed':
      return { ...state, counts: action.counts };
    case 'holdUpserted':
      return upsert(state, action);
    case 'holdRemoved': {
      const id = action.consignmentId;
      const present =
        state.rows.some((row) => row.consignmentId === id) ||
        state.arrivals.some((row) => row.consignmentId === id);
      if (!present || state.detached[id] === 'REMOVED') {
        return state;
      }
      return {
        ...state,
        detached: withDetached(state.detached, id, 'REMOVED'),
        flashes: bump(state.flashes, id),
        announcement: announce(state.announcement, `Hold ${id} left the queue.`, action.at),
      };
    }
  }
}
