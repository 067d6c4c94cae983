import type { ReactNode } from 'react';
import type { ConsignmentStory } from '../api/ops-api.types';
import { ROUTE_ROLE_LABELS } from '../shared/hold-labels';

/** The route as a line of ports, in travel order, each with its role. */
export function RouteLine(props: {
  route: ConsignmentStory['route'];
  jurisdiction: string | null;
}): ReactNode {
  const { route, jurisdiction } = props;
  if (route.length === 0) {
    return <p className="muted">The manifest names no route.</p>;
  }
  return (
    <ol className="route-line" aria-label="Route">
      {route.map((stop, index) => {
        const inside = jurisdiction !== null && stop.unLocode.startsWith(jurisdiction);
        return (
          <li
            key={`${stop.role}-${stop.unLocode}-${index}`}
            className={`route-stop route-stop--${stop.role.toLowerCase()}${inside ? ' route-stop--inside' : ''}`}
          >
            <span className="route-stop__marker" aria-hidden="true" />
            <span className="route-stop__role">{ROUTE_ROLE_LABELS[stop.role]}</span>
            <span className="route-stop__code mono">{stop.unLocode}</span>
            <span className="route-stop__name">{stop.name ?? '—'}</span>
            {inside && <span className="route-stop__inside">Inside {jurisdiction}</span>}
          </li>
        );
      })}
    </ol>
  );
}
