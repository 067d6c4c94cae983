import type { ReactNode } from 'react';
import type { ConsignmentStory } from '../api/ops-api.types';
import { formatInstant } from '../shared/duration-format';

const EVENT_NAMES: Record<string, string> = {
  LOAD: 'Loaded',
  DISC: 'Discharged',
  GTIN: 'Gate in',
  GTOT: 'Gate out',
  STUF: 'Stuffed',
  STRP: 'Stripped',
  INSP: 'Inspected',
  RSEA: 'Resealed',
  RMVD: 'Removed',
  PICK: 'Picked up',
  DROP: 'Dropped off',
  ARRI: 'Arrived',
  DEPA: 'Departed',
};

const CLASSIFIERS: Record<string, string> = {
  ACT: 'actual',
  EST: 'estimated',
  PLN: 'planned',
  REQ: 'requested',
};

/** Movements in event-time order, as a vertical timeline. */
export function MovementTimeline(props: { movements: ConsignmentStory['movements'] }): ReactNode {
  const movements = [...props.movements].sort(
    (a, b) => Date.parse(a.eventDateTime) - Date.parse(b.eventDateTime),
  );
  if (movements.length === 0) {
    return <p className="muted">No movement events yet.</p>;
  }
  return (
    <ol className="timeline">
      {movements.map((movement) => (
        <li
          key={movement.eventId}
          className={`timeline__item timeline__item--${movement.classifier.toLowerCase()}`}
        >
          <time className="timeline__time" dateTime={movement.eventDateTime}>
            {formatInstant(movement.eventDateTime)}
          </time>
          <span className="timeline__what">
            <strong>{EVENT_NAMES[movement.eventCode] ?? movement.eventCode}</strong>{' '}
            <span className="mono muted">{movement.eventCode}</span>
            {movement.classifier !== 'ACT' && (
              <span className="timeline__classifier">
                {' '}
                ({CLASSIFIERS[movement.classifier] ?? movement.classifier})
              </span>
            )}
          </span>
          <span className="timeline__where mono">{movement.location ?? '—'}</span>
          <span className="timeline__equipment mono">{movement.equipmentReference ?? ''}</span>
        </li>
      ))}
    </ol>
  );
}
