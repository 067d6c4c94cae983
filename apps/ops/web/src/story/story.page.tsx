import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ActionDialog } from '../actions/action-dialog';
import {
  actionOutcomeMessage,
  availableActions,
  HOLD_ACTIONS,
  type HoldActionKind,
  needsSecondOfficer,
} from '../actions/hold-actions';
import { ApiError } from '../api/api-error';
import type { ConsignmentStory, HoldSummary } from '../api/ops-api.types';
import { useSession } from '../app/session-context';
import { useNow } from '../app/use-now';
import { useHoldEvents } from '../events/hold-events.provider';
import { CategoryTags, SlaBadgeView, StatusBadge } from '../shared/hold-badges';
import { formatAge, formatInstant } from '../shared/duration-format';
import { ContainerSeals } from './container-seals';
import { DecisionList } from './decision-list';
import { ManifestHistory } from './manifest-history';
import { MovementTimeline } from './movement-timeline';
import { ActionLog, NotesList } from './notes-and-actions';
import { RouteLine } from './route-line';

const REFRESH_DEBOUNCE_MS = 300;

function HoldHeader(props: { hold: HoldSummary; now: Date }): ReactNode {
  const { hold, now } = props;
  return (
    <dl className="facts">
      <div>
        <dt>Status</dt>
        <dd data-testid="hold-status">
          <StatusBadge status={hold.status} />
        </dd>
      </div>
      <div>
        <dt>SLA</dt>
        <dd>
          <SlaBadgeView hold={hold} now={now} />
        </dd>
      </div>
      <div>
        <dt>Stage</dt>
        <dd>{hold.stage}</dd>
      </div>
      <div>
        <dt>Score</dt>
        <dd>{hold.score}</dd>
      </div>
      <div>
        <dt>Categories</dt>
        <dd>
          <CategoryTags categories={hold.categories} />
        </dd>
      </div>
      <div>
        <dt>Held</dt>
        <dd title={formatInstant(hold.heldAt)}>{formatAge(hold.heldAt, now)} ago</dd>
      </div>
      <div>
        <dt>Deadline</dt>
        <dd>{formatInstant(hold.deadline)}</dd>
      </div>
      <div>
        <dt>Assignee</dt>
        <dd>{hold.assignee?.displayName ?? <span className="muted">Unassigned</span>}</dd>
      </div>
    </dl>
  );
}

/** The consignment's story: why it is held, where it went, what changed, and what officers did. */
export function StoryPage(props: { consignmentId: string }): ReactNode {
  const { consignmentId } = props;
  const { api, user } = useSession();
  const now = useNow(30_000);
  const [story, setStory] = useState<ConsignmentStory | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [dialog, setDialog] = useState<HoldActionKind | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const refreshTimer = useRef<number | undefined>(undefined);
  const loadSeq = useRef(0);

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      const loaded = await api.consignment(consignmentId);
      if (seq === loadSeq.current) {
        setStory(loaded);
        setError(null);
      }
    } catch (caught) {
      if (seq === loadSeq.current && caught instanceof ApiError && caught.status !== 401) {
        setError({ status: caught.status, message: caught.message });
      }
    }
  }, [api, consignmentId]);

  useEffect(() => {
    setStory(null);
    setError(null);
    setOutcome(null);
    void load();
    return () => window.clearTimeout(refreshTimer.current);
  }, [load]);

  const scheduleRefresh = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => void load(), REFRESH_DEBOUNCE_MS);
  }, [load]);

  useHoldEvents((message) => {
    if (
      message.type === 'resync' ||
      (message.type === 'hold.upserted' && message.hold.consignmentId === consignmentId) ||
      (message.type === 'hold.removed' && message.consignmentId === consignmentId)
    ) {
      scheduleRefresh();
    }
  });

  const hold = story?.hold ?? null;
  const actions = availableActions(hold, user);

  return (
    <article className="page page--story" aria-labelledby="story-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/queue">Hold queue</a> <span aria-hidden="true">›</span> <span>{consignmentId}</span>
      </nav>
      <div className="story-head">
        <h1 id="story-title" className="page-title" tabIndex={-1}>
          Consignment <span className="mono">{consignmentId}</span>
        </h1>
        {hold && actions.length > 0 && (
          <div className="toolbar" role="group" aria-label="Actions on this hold">
            {actions.map((kind) => (
              <button
                key={kind}
                type="button"
                className={`button${HOLD_ACTIONS[kind].weighty ? ' button--weighty-outline' : ''}`}
                onClick={() => {
                  setOutcome(null);
                  setDialog(kind);
                }}
              >
                {HOLD_ACTIONS[kind].label}
              </button>
            ))}
          </div>
        )}
      </div>

      <div className="outcome-slot" role="status" aria-live="polite" data-testid="action-outcome">
        {outcome && <p className="notice notice--success">{outcome}</p>}
      </div>

      {error && (
        <div className="alert alert--error" role="alert">
          {error.status === 404 ? `There is no consignment ${consignmentId}.` : error.message}
        </div>
      )}
      {!story && !error && (
        <p className="muted" role="status">
          Loading the consignment…
        </p>
      )}

      {story && (
        <>
          {hold ? (
            <HoldHeader hold={hold} now={now} />
          ) : (
            <p className="notice">This consignment is not held.</p>
          )}
          {hold?.status === 'AWAITING_SECOND_OFFICER' && (
            <p className="notice notice--two-officer" data-testid="awaiting-second-officer">
              <strong>Awaiting second officer.</strong> One officer has released this hold; a second,
              different officer must release it before the RELEASE decision is published.
            </p>
          )}
          {hold &&
            needsSecondOfficer(hold) &&
            hold.status !== 'AWAITING_SECOND_OFFICER' &&
            hold.status !== 'RELEASED' && (
              <p className="notice notice--info">Release of this hold needs two different officers.</p>
            )}

          <section className="panel" aria-labelledby="route-title">
            <h2 id="route-title">Route</h2>
            <RouteLine route={story.route} jurisdiction={story.decisions[0]?.jurisdiction ?? null} />
          </section>

          <div className="story-grid">
            <div className="story-grid__main">
              <section className="panel" aria-labelledby="decisions-title">
                <h2 id="decisions-title">Decisions and reasons</h2>
                <DecisionList decisions={story.decisions} />
              </section>
              <section className="panel" aria-labelledby="containers-title">
                <h2 id="containers-title">Containers and seals</h2>
                <ContainerSeals containers={story.containers} />
              </section>
              <section className="panel" aria-labelledby="movements-title">
                <h2 id="movements-title">Movements</h2>
                <MovementTimeline movements={story.movements} />
              </section>
            </div>
            <div className="story-grid__side">
              <section className="panel" aria-labelledby="cargo-title">
                <h2 id="cargo-title">Parties and goods</h2>
                <table className="data-table">
                  <caption className="visually-hidden">Parties</caption>
                  <tbody>
                    {story.parties.map((party, index) => (
                      <tr key={`${party.role}-${index}`}>
                        <th scope="row">{party.role}</th>
                        <td>
                          {party.name}{' '}
                          {party.countryCode && <span className="muted">({party.countryCode})</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ul className="goods">
                  {story.goods.map((item, index) => (
                    <li key={index}>
                      <span className="mono">{item.hsCodes.join(', ') || 'no HS code'}</span>{' '}
                      {item.description}
                      {item.grossWeightKg !== null && (
                        <span className="muted"> · {item.grossWeightKg} kg</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
              <section className="panel" aria-labelledby="versions-title">
                <h2 id="versions-title">Manifest versions</h2>
                <ManifestHistory versions={story.manifestVersions} />
              </section>
              <section className="panel" aria-labelledby="notes-title">
                <h2 id="notes-title">Notes</h2>
                <NotesList notes={story.notes} />
              </section>
              <section className="panel" aria-labelledby="actions-title">
                <h2 id="actions-title">Action log</h2>
                <ActionLog actions={story.actions} />
              </section>
            </div>
          </div>
        </>
      )}

      {dialog && hold && (
        <ActionDialog
          kind={dialog}
          hold={hold}
          onClose={() => setDialog(null)}
          onDone={(result) => {
            setDialog(null);
            setOutcome(actionOutcomeMessage(dialog, result));
            setStory((current) => (current ? { ...current, hold: result } : current));
            void load();
          }}
        />
      )}
    </article>
  );
}
