import type { ReactNode } from 'react';
import type { ConsignmentStory } from '../api/ops-api.types';
import { formatInstant } from '../shared/duration-format';
import { type ChangeLine, describeChanges, summarizeChanges } from './manifest-diff';

function ChangeValue(props: { line: ChangeLine; side: 'before' | 'after' }): ReactNode {
  const { line, side } = props;
  if (line.tokens) {
    const shown = line.tokens.filter((token) =>
      side === 'before' ? token.kind !== 'added' : token.kind !== 'removed',
    );
    if (shown.length === 0) {
      return <span className="muted">none</span>;
    }
    return (
      <span className="tokens">
        {shown.map((token) =>
          token.kind === 'kept' ? (
            <span key={token.text} className="token">
              {token.text}
            </span>
          ) : token.kind === 'added' ? (
            <ins key={token.text} className="token token--added">
              {token.text}
            </ins>
          ) : (
            <del key={token.text} className="token token--removed">
              {token.text}
            </del>
          ),
        )}
      </span>
    );
  }
  const value = side === 'before' ? line.before : line.after;
  if (value === null) {
    return <span className="muted">(none)</span>;
  }
  return side === 'before' ? (
    <del className="diff-before">{value}</del>
  ) : (
    <ins className="diff-after">{value}</ins>
  );
}

/** Manifest versions, newest first; each amendment shows what changed, which is itself evidence. */
export function ManifestHistory(props: { versions: ConsignmentStory['manifestVersions'] }): ReactNode {
  const versions = [...props.versions].sort((a, b) => b.version - a.version);
  if (versions.length === 0) {
    return <p className="muted">No manifest received yet.</p>;
  }
  return (
    <ol className="versions">
      {versions.map((version) => {
        const lines = describeChanges(version.changes);
        return (
          <li key={version.version} className="version">
            <h3 className="version__title">
              Version {version.version}{' '}
              <span className="muted">received {formatInstant(version.receivedAt)}</span>
            </h3>
            {version.version === 1 && lines.length === 0 ? (
              <p className="muted">First manifest.</p>
            ) : (
              <>
                <p className="version__summary">{summarizeChanges(lines)}</p>
                {lines.length > 0 && (
                  <table className="data-table diff-table">
                    <caption className="visually-hidden">Changes in version {version.version}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {lines.map((line) => (
                        <tr key={line.field} className={`diff diff--${line.kind}`}>
                          <th scope="row">
                            {line.label}
                            <span className="diff__kind"> ({line.kind})</span>
                          </th>
                          <td>
                            <ChangeValue line={line} side="before" />
                          </td>
                          <td>
                            <ChangeValue line={line} side="after" />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
