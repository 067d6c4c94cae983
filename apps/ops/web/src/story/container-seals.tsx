import type { ReactNode } from 'react';
import type { ConsignmentStory } from '../api/ops-api.types';
import { SEAL_CHECK_LABELS, sealCheck } from './seal-check';

function SealList(props: { seals: string[]; other: string[] }): ReactNode {
  if (props.seals.length === 0) {
    return <span className="muted">none</span>;
  }
  return (
    <span className="seals">
      {props.seals.map((seal) => (
        <span key={seal} className={`seal${props.other.includes(seal) ? '' : ' seal--differs'}`}>
          {seal}
        </span>
      ))}
    </span>
  );
}

export function ContainerSeals(props: { containers: ConsignmentStory['containers'] }): ReactNode {
  if (props.containers.length === 0) {
    return <p className="muted">No containers on the manifest.</p>;
  }
  return (
    <table className="data-table">
      <caption className="visually-hidden">Containers with expected and observed seals</caption>
      <thead>
        <tr>
          <th scope="col">Container</th>
          <th scope="col">Expected seals</th>
          <th scope="col">Observed seals</th>
          <th scope="col">Check</th>
        </tr>
      </thead>
      <tbody>
        {props.containers.map((container) => {
          const check = sealCheck(container.expectedSeals, container.observedSeals);
          const { symbol, label } = SEAL_CHECK_LABELS[check];
          return (
            <tr key={container.reference} data-seal-check={check}>
              <th scope="row" className="mono">
                {container.reference}
              </th>
              <td>
                <SealList seals={container.expectedSeals} other={container.observedSeals} />
              </td>
              <td>
                {container.observedSeals.length === 0 ? (
                  <span className="muted">not observed</span>
                ) : (
                  <SealList seals={container.observedSeals} other={container.expectedSeals} />
                )}
              </td>
              <td>
                <span className={`check check--${check.toLowerCase()}`}>
                  <span aria-hidden="true">{symbol} </span>
                  {label}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
