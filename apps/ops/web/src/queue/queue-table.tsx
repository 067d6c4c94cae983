import type { ReactNode } from 'react';
import type { HoldSummary } from '../api/ops-api.types';
import { CategoryTags, SlaBadgeView, StatusBadge } from '../shared/hold-badges';
import { formatAge, formatInstant } from '../shared/duration-format';
import { constantLabel, STATUS_LABELS } from '../shared/hold-labels';
import type { HoldQueueState } from './hold-queue.reducer';
import type { QueueSort } from './queue-filters';
import { slaBadge } from './sla-badge';

interface SortableColumn {
  label: string;
  ascending: QueueSort | null;
  descending: QueueSort;
}

const SORTABLE: Record<'held' | 'sla' | 'score', SortableColumn> = {
  held: { label: 'Held for', ascending: 'heldAt', descending: '-heldAt' },
  sla: { label: 'SLA / deadline', ascending: 'deadline', descending: '-deadline' },
  score: { label: 'Score', ascending: null, descending: '-score' },
};

function SortHeader(props: {
  column: SortableColumn;
  sort: QueueSort;
  onSort?: (sort: QueueSort) => void;
  className: string;
}): ReactNode {
  const { column, sort, onSort, className } = props;
  const direction =
    sort === column.ascending ? 'ascending' : sort === column.descending ? 'descending' : undefined;
  if (!onSort) {
    return (
      <th scope="col" className={className}>
        {column.label}
      </th>
    );
  }
  // Oldest and most urgent first is the useful first click; a second click reverses.
  const next = direction === 'ascending' || column.ascending === null ? column.descending : column.ascending;
  return (
    <th scope="col" className={className} aria-sort={direction ?? 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {column.label}
        <span className="sort-button__arrow" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

function routeText(hold: HoldSummary): string {
  const ports = [hold.portOfLoading, hold.portOfDischarge, hold.placeOfDelivery].filter(
    (port) => port !== null,
  );
  return ports.length === 0 ? '—' : ports.join(' → ');
}

const DETACHED_TEXT = { REMOVED: 'Left the queue', FILTERED_OUT: 'Outside filters' } as const;

/** Fixed-height rows: live updates change cell contents, never row geometry. */
export function QueueTable(props: {
  caption: ReactNode;
  captionHidden?: boolean;
  rows: readonly HoldSummary[];
  now: Date;
  sort: QueueSort;
  onSort?: (sort: QueueSort) => void;
  detached: HoldQueueState['detached'];
  flashes: HoldQueueState['flashes'];
  testId: string;
}): ReactNode {
  const { rows, now, sort, onSort, detached, flashes } = props;
  return (
    <table className="queue-table" data-testid={props.testId}>
      <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <colgroup>
        <col className="col-id" />
        <col className="col-status" />
        <col className="col-sla" />
        <col className="col-stage" />
        <col className="col-categories" />
        <col className="col-rules" />
        <col className="col-score" />
        <col className="col-route" />
        <col className="col-held" />
        <col className="col-assignee" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Consignment</th>
          <th scope="col">Status</th>
          <SortHeader column={SORTABLE.sla} sort={sort} onSort={onSort} className="" />
          <th scope="col">Stage</th>
          <th scope="col">Categories</th>
          <th scope="col">Rules</th>
          <SortHeader column={SORTABLE.score} sort={sort} onSort={onSort} className="numeric" />
          <th scope="col">
            <abbr title="Port of loading → port of discharge → place of delivery">Route</abbr>
          </th>
          <SortHeader column={SORTABLE.held} sort={sort} onSort={onSort} className="" />
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((hold) => {
          const id = hold.consignmentId;
          const flash = flashes[id];
          const gone = detached[id];
          const classes = [
            'queue-row',
            `queue-row--sla-${slaBadge(hold, now).tone.toLowerCase()}`,
            flash === undefined ? '' : `queue-row--flash-${flash % 2}`,
            gone ? 'queue-row--detached' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <tr key={id} className={classes} data-consignment-id={id} data-status={hold.status}>
              <td>
                <a className="consignment-link" href={`#/consignments/${encodeURIComponent(id)}`}>
                  {id}
                </a>
                {gone && <span className="row-note">{DETACHED_TEXT[gone]}</span>}
              </td>
              <td title={STATUS_LABELS[hold.status]}>
                <StatusBadge status={hold.status} />
              </td>
              <td>
                <SlaBadgeView hold={hold} now={now} />
              </td>
              <td>{constantLabel(hold.stage)}</td>
              <td title={hold.categories.join(', ')}>
                <CategoryTags categories={hold.categories} />
              </td>
              <td className="mono" title={hold.ruleIds.join(', ')}>
                {hold.ruleIds.join(', ')}
              </td>
              <td className="numeric">{hold.score}</td>
              <td className="route-cell" title={routeText(hold)}>
                {routeText(hold)}
              </td>
              <td title={`Held since ${formatInstant(hold.heldAt)}`}>{formatAge(hold.heldAt, now)}</td>
              <td title={hold.assignee?.displayName ?? 'Unassigned'}>
                {hold.assignee ? hold.assignee.displayName : <span className="muted">Unassigned</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
