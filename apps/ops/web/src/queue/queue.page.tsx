import { type ReactNode, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { HoldPage } from '../api/ops-api.types';
import { hrefFor } from '../app/app-route';
import { useSession } from '../app/session-context';
import { useNow } from '../app/use-now';
import { type HoldStreamMessage, useHoldEvents } from '../events/hold-events.provider';
import { formatInstant } from '../shared/duration-format';
import { holdQueueReducer, INITIAL_QUEUE_STATE } from './hold-queue.reducer';
import { QueueFilterBar } from './queue-filter-bar';
import {
  filtersFromQuery,
  filtersToQuery,
  holdsApiQuery,
  matchesFilters,
  type QueueFilters,
} from './queue-filters';
import { QueueTable } from './queue-table';

const PAGE_SIZE = 50;
const COUNTS_REFRESH_MS = 1_500;

function CountsSummary(props: {
  counts: HoldPage['counts'] | null;
  shown: number;
  filters: QueueFilters;
}): ReactNode {
  const { counts, shown, filters } = props;
  if (!counts) {
    return <p className="counts" aria-hidden="true" />;
  }
  const link = (sla: QueueFilters['sla']) =>
    hrefFor({ name: 'queue', search: filtersToQuery({ ...filters, sla }) });
  return (
    <p className="counts" data-testid="queue-counts">
      <strong>{counts.total}</strong> {counts.total === 1 ? 'hold' : 'holds'} match
      <span className="counts__sep" aria-hidden="true">
        ·
      </span>
      <a className="counts__sla counts__sla--breached" href={link('BREACHED')}>
        <span aria-hidden="true">✖ </span>
        {counts.bySla.BREACHED ?? 0} breached
      </a>
      <a className="counts__sla counts__sla--near" href={link('NEAR')}>
        <span aria-hidden="true">▲ </span>
        {counts.bySla.NEAR ?? 0} near breach
      </a>
      <span className="counts__sla counts__sla--paused">
        <span aria-hidden="true">❚❚ </span>
        {counts.bySla.PAUSED ?? 0} paused
      </span>
      <span className="counts__sep" aria-hidden="true">
        ·
      </span>
      <span>{shown} shown</span>
    </p>
  );
}

export function QueuePage(props: { search: string }): ReactNode {
  const { api, user, navigate } = useSession();
  const filters = useMemo(() => filtersFromQuery(props.search), [props.search]);
  const [state, dispatch] = useReducer(holdQueueReducer, INITIAL_QUEUE_STATE);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const now = useNow(30_000);

  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  // Events that arrive while a page is loading are replayed after it, so none is lost in between.
  const buffered = useRef<HoldStreamMessage[] | null>(null);
  const loadSeq = useRef(0);
  const countsTimer = useRef<number | undefined>(undefined);

  const applyLive = useCallback(
    (message: HoldStreamMessage) => {
      if (message.type === 'hold.upserted') {
        dispatch({
          type: 'holdUpserted',
          hold: message.hold,
          matches: matchesFilters(message.hold, filtersRef.current, { now: new Date(), userId: user.id }),
          at: Date.now(),
        });
      } else if (message.type === 'hold.removed') {
        dispatch({ type: 'holdRemoved', consignmentId: message.consignmentId, at: Date.now() });
      }
    },
    [user.id],
  );

  const refreshCounts = useCallback(() => {
    window.clearTimeout(countsTimer.current);
    countsTimer.current = window.setTimeout(() => {
      api.holds(holdsApiQuery(filtersRef.current, { userId: user.id, limit: 1 })).then(
        (page) => dispatch({ type: 'countsRefreshed', counts: page.counts }),
        () => undefined,
      );
    }, COUNTS_REFRESH_MS);
  }, [api, user.id]);

  useEffect(() => () => window.clearTimeout(countsTimer.current), []);

  const load = useCallback(
    async (cursor: string | null) => {
      const seq = ++loadSeq.current;
      setLoading(true);
      setError(null);
      if (cursor === null) {
        buffered.current = [];
      }
      try {
        const page = await api.holds(holdsApiQuery(filters, { userId: user.id, cursor, limit: PAGE_SIZE }));
        if (seq !== loadSeq.current) {
          return;
        }
        dispatch({ type: 'pageLoaded', page, append: cursor !== null });
        if (cursor === null) {
          setLoadedAt(new Date().toISOString());
        }
      } catch (caught) {
        if (seq === loadSeq.current && !(caught instanceof ApiError && caught.status === 401)) {
          setError(caught instanceof Error ? caught.message : 'The queue could not be loaded.');
        }
      } finally {
        if (seq === loadSeq.current) {
          setLoading(false);
          const pending = buffered.current ?? [];
          buffered.current = null;
          pending.forEach(applyLive);
        }
      }
    },
    [api, filters, user.id, applyLive],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  useHoldEvents((message) => {
    if (message.type === 'resync') {
      // Catch up after a reconnection without reshuffling the table: feed the first page as updates.
      api.holds(holdsApiQuery(filtersRef.current, { userId: user.id, limit: PAGE_SIZE })).then(
        (page) => {
          page.items.forEach((hold) => applyLive({ type: 'hold.upserted', hold }));
          dispatch({ type: 'countsRefreshed', counts: page.counts });
        },
        () => undefined,
      );
      return;
    }
    if (buffered.current) {
      buffered.current.push(message);
    } else {
      applyLive(message);
    }
    refreshCounts();
  });

  const changeFilters = (next: QueueFilters): void =>
    navigate(hrefFor({ name: 'queue', search: filtersToQuery(next) }), { replace: true });

  const arrivalsCount = state.arrivals.length;

  return (
    <section className="page page--queue" aria-labelledby="queue-title">
      <div className="page-head">
        <h1 id="queue-title" className="page-title" tabIndex={-1}>
          Hold queue
        </h1>
        <CountsSummary counts={state.counts} shown={state.rows.length} filters={filters} />
      </div>
      <QueueFilterBar filters={filters} onChange={changeFilters} />

      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="queue-announcer"
      >
        {state.announcement.text}
      </div>

      <section
        className={`arrivals${arrivalsCount > 0 ? ' arrivals--active' : ''}`}
        aria-labelledby="arrivals-title"
        data-testid="arrivals"
      >
        <div className="arrivals__head">
          <h2 id="arrivals-title">
            New holds{arrivalsCount > 0 ? ` (${arrivalsCount})` : ''}
            <span className="arrivals__since">
              {loadedAt ? ` since ${formatInstant(loadedAt).slice(11)}` : ''}
            </span>
          </h2>
          <button
            type="button"
            className="button button--small"
            disabled={arrivalsCount === 0 || loading}
            onClick={() => void load(null)}
          >
            Show in queue
          </button>
        </div>
        <div className="arrivals__body">
          {arrivalsCount === 0 ? (
            <p className="arrivals__empty">New holds that match the filters appear here as they arrive.</p>
          ) : (
            <QueueTable
              caption="New holds since the queue was loaded, newest first"
              captionHidden
              rows={state.arrivals}
              now={now}
              sort={filters.sort}
              detached={state.detached}
              flashes={state.flashes}
              testId="arrivals-table"
            />
          )}
        </div>
      </section>

      {error && (
        <div className="alert alert--error" role="alert">
          {error}{' '}
          <button type="button" className="button button--small" onClick={() => void load(null)}>
            Retry
          </button>
        </div>
      )}

      <div className="queue-wrap" aria-busy={loading && !state.loaded}>
        <QueueTable
          caption="Holds in the queue"
          captionHidden
          rows={state.rows}
          now={now}
          sort={filters.sort}
          onSort={(sort) => changeFilters({ ...filters, sort })}
          detached={state.detached}
          flashes={state.flashes}
          testId="queue-table"
        />
        {state.loaded && state.rows.length === 0 && !error && (
          <p className="empty">No holds match these filters.</p>
        )}
      </div>
      <div className="load-more">
        {state.nextCursor ? (
          <button
            type="button"
            className="button"
            disabled={loading}
            onClick={() => void load(state.nextCursor)}
          >
            {loading ? 'Loading…' : `Load ${PAGE_SIZE} more`}
          </button>
        ) : (
          <span className="muted">{state.loaded ? 'End of the queue.' : 'Loading…'}</span>
        )}
      </div>
    </section>
  );
}
