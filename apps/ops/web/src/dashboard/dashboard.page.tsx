import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { Dashboard } from '../api/ops-api.types';
import { useSession } from '../app/session-context';
import { useHoldEvents } from '../events/hold-events.provider';
import { formatInstant } from '../shared/duration-format';
import { BarChart } from './bar-chart';
import { rankedEntries } from './chart-scale';
import { HourlyChart } from './hourly-chart';

const REFRESH_MS = 60_000;
const EVENT_REFRESH_MS = 5_000;

export function DashboardPage(): ReactNode {
  const { api } = useSession();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const eventTimer = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setDashboard(await api.dashboard());
      setLoadedAt(new Date().toISOString());
      setError(null);
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.status === 401)) {
        setError(caught instanceof Error ? caught.message : 'The dashboard could not be loaded.');
      }
    }
  }, [api]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(eventTimer.current);
    };
  }, [load]);

  // Live events refresh the figures, at most every few seconds.
  useHoldEvents(() => {
    if (eventTimer.current === undefined) {
      eventTimer.current = window.setTimeout(() => {
        eventTimer.current = undefined;
        void load();
      }, EVENT_REFRESH_MS);
    }
  });

  const openHolds = dashboard
    ? Object.values(dashboard.holdsByStage).reduce((sum, value) => sum + value, 0)
    : 0;

  return (
    <section className="page page--dashboard" aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title" className="page-title" tabIndex={-1}>
          Dashboard
        </h1>
        <p className="muted">{loadedAt ? `Updated ${formatInstant(loadedAt)}` : 'Loading…'}</p>
      </div>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {dashboard && (
        <>
          <div className="tiles">
            <a className="tile tile--breached" href="#/queue?sla=BREACHED">
              <span className="tile__value">
                <span aria-hidden="true">✖ </span>
                {dashboard.slaBreaches}
              </span>
              <span className="tile__label">SLA breaches</span>
            </a>
            <a className="tile tile--near" href="#/queue?sla=NEAR">
              <span className="tile__value">
                <span aria-hidden="true">▲ </span>
                {dashboard.nearBreaches}
              </span>
              <span className="tile__label">Near breach</span>
            </a>
            <a className="tile" href="#/queue">
              <span className="tile__value">{openHolds}</span>
              <span className="tile__label">Open holds</span>
            </a>
          </div>
          <div className="dashboard-grid">
            <section className="panel" aria-labelledby="by-stage-title">
              <h2 id="by-stage-title">Open holds by stage</h2>
              <BarChart
                title="Open holds by stage"
                data={rankedEntries(dashboard.holdsByStage)}
                unit="holds"
                emptyText="No open holds."
              />
            </section>
            <section className="panel" aria-labelledby="by-rule-title">
              <h2 id="by-rule-title">Open holds by rule</h2>
              <BarChart
                title="Open holds by rule"
                data={rankedEntries(dashboard.holdsByRule, 10)}
                unit="holds"
                emptyText="No open holds."
              />
            </section>
            <section className="panel panel--wide" aria-labelledby="per-hour-title">
              <h2 id="per-hour-title">Decisions per hour</h2>
              <HourlyChart buckets={dashboard.decisionsPerHour} />
            </section>
          </div>
        </>
      )}
    </section>
  );
}
