import type { ReactNode } from 'react';
import type { DecisionEvent } from '../api/ops-api.types';
import { CategoryTags } from '../shared/hold-badges';
import { formatInstant } from '../shared/duration-format';
import { evidenceEntries } from './evidence-format';

function EvidenceList(props: { evidence: Record<string, unknown> }): ReactNode {
  const entries = evidenceEntries(props.evidence);
  if (entries.length === 0) {
    return null;
  }
  return (
    <dl className="evidence">
      {entries.map((entry) => (
        <div key={entry.term} className="evidence__entry">
          <dt>{entry.term}</dt>
          {entry.descriptions.map((description, index) => (
            <dd key={index}>{description}</dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

/** Every decision, newest first, with the reasons and evidence it was taken on. */
export function DecisionList(props: { decisions: DecisionEvent[] }): ReactNode {
  const decisions = [...props.decisions].sort((a, b) => b.sequence - a.sequence);
  if (decisions.length === 0) {
    return <p className="muted">No decision yet.</p>;
  }
  return (
    <ol className="decisions">
      {decisions.map((decision) => (
        <li key={decision.decisionId} className={`decision decision--${decision.decision.toLowerCase()}`}>
          <article
            aria-labelledby={`decision-${decision.decisionId}`}
            data-decision={decision.decision}
            data-source={decision.source}
          >
            <h3 id={`decision-${decision.decisionId}`} className="decision__title">
              <span className={`verdict verdict--${decision.decision.toLowerCase()}`}>
                {decision.decision}
              </span>
              <span>#{decision.sequence}</span>
              <span className="muted">
                by {decision.source === 'OFFICER' ? 'officer' : 'rules'} · {decision.stage} ·{' '}
                {formatInstant(decision.decidedAt)} · score {decision.score}
              </span>
            </h3>
            <CategoryTags categories={decision.categories} />
            <ul className="reasons">
              {decision.reasons.map((reason, index) => (
                <li
                  key={`${reason.ruleId}-${index}`}
                  className={`reason reason--${reason.outcome.toLowerCase()}`}
                >
                  <p className="reason__head">
                    <span className="mono reason__rule">{reason.ruleId}</span>
                    <span className={`outcome outcome--${reason.outcome.toLowerCase()}`}>
                      {reason.outcome}
                    </span>
                    {reason.score > 0 && <span className="muted">+{reason.score}</span>}
                  </p>
                  <p className="reason__message">{reason.message}</p>
                  <EvidenceList evidence={reason.evidence} />
                </li>
              ))}
            </ul>
            <details className="decision__meta">
              <summary>Provenance</summary>
              <dl className="evidence">
                <div className="evidence__entry">
                  <dt>Triggered by</dt>
                  <dd>
                    {decision.triggeredBy.type} <span className="mono">{decision.triggeredBy.eventId}</span>
                  </dd>
                </div>
                <div className="evidence__entry">
                  <dt>Rule set</dt>
                  <dd className="mono">{decision.ruleSetVersion}</dd>
                </div>
                <div className="evidence__entry">
                  <dt>Lists</dt>
                  {Object.entries(decision.listVersions).map(([list, version]) => (
                    <dd key={list}>
                      {list} {version}
                    </dd>
                  ))}
                </div>
                <div className="evidence__entry">
                  <dt>Decision id</dt>
                  <dd className="mono">{decision.decisionId}</dd>
                </div>
              </dl>
            </details>
          </article>
        </li>
      ))}
    </ol>
  );
}
