import type { ReactNode } from 'react';
import type { HoldStatus, HoldSummary, RiskCategory } from '../api/ops-api.types';
import { slaBadge } from '../queue/sla-badge';
import { CATEGORY_LABELS, STATUS_LABELS } from './hold-labels';

export function StatusBadge(props: { status: HoldStatus }): ReactNode {
  return (
    <span className={`status status--${props.status.toLowerCase()}`} data-status={props.status}>
      {STATUS_LABELS[props.status]}
    </span>
  );
}

/** SLA state as symbol + words + colour, so it reads without colour vision. */
export function SlaBadgeView(props: {
  hold: Pick<HoldSummary, 'slaState' | 'deadline' | 'deadlineBasis' | 'status'>;
  now: Date;
}): ReactNode {
  const badge = slaBadge(props.hold, props.now);
  return (
    <span className={`sla sla--${badge.tone.toLowerCase()}`} title={badge.description} data-sla={badge.tone}>
      <span className="sla__badge">
        <span className="sla__symbol" aria-hidden="true">
          {badge.symbol}
        </span>
        <span className="sla__label">{badge.label}</span>
      </span>
      {badge.detail && <span className="sla__detail">{badge.detail}</span>}
    </span>
  );
}

export function CategoryTags(props: { categories: readonly RiskCategory[] }): ReactNode {
  if (props.categories.length === 0) {
    return <span className="muted">—</span>;
  }
  return (
    <span className="tags">
      {props.categories.map((category) => (
        <span key={category} className={`tag tag--${category.toLowerCase()}`}>
          {CATEGORY_LABELS[category]}
        </span>
      ))}
    </span>
  );
}
