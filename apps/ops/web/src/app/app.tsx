import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { OpsApiClient } from '../api/ops-api.client';
import type { User } from '../api/ops-api.types';
import { LoginPage } from '../auth/login.page';
import { DashboardPage } from '../dashboard/dashboard.page';
import { HoldEventsProvider } from '../events/hold-events.provider';
import { QueuePage } from '../queue/queue.page';
import { StoryPage } from '../story/story.page';
import { AppShell } from './app-shell';
import { type AppRoute, hrefFor } from './app-route';
import { type Session, SessionContext } from './session-context';
import { useHashRoute } from './use-hash-route';

function currentHref(route: AppRoute): string | null {
  return route.name === 'login' ? null : hrefFor(route);
}

/** Signs the officer in (or sends them to the login page) and routes between the console's pages. */
export function App(): ReactNode {
  const [route, navigate] = useHashRoute();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const routeRef = useRef(route);
  routeRef.current = route;

  const signedOut = useCallback(() => {
    setUser(null);
    const next = currentHref(routeRef.current);
    navigate(hrefFor({ name: 'login', next }), { replace: true });
  }, [navigate]);

  const api = useMemo(() => new OpsApiClient(signedOut), [signedOut]);

  useEffect(() => {
    let cancelled = false;
    api.me().then(
      (me) => {
        if (!cancelled) {
          setUser(me);
        }
      },
      () => {
        if (!cancelled) {
          setUser(null);
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    if (user === null && route.name !== 'login') {
      navigate(hrefFor({ name: 'login', next: currentHref(route) }), { replace: true });
    } else if (user && route.name === 'login') {
      // Signed in, or already signed in on a bookmarked login link: go where the link pointed.
      navigate(route.next ?? hrefFor({ name: 'queue', search: '' }), { replace: true });
    }
  }, [user, route, navigate]);

  const onStreamClosed = useCallback(async (): Promise<'retry' | 'stop'> => {
    const me = await api.me().catch(() => undefined);
    if (me === null) {
      signedOut();
      return 'stop';
    }
    return 'retry';
  }, [api, signedOut]);

  const signOut = useCallback(async () => {
    await api.logout().catch(() => undefined);
    setUser(null);
    navigate(hrefFor({ name: 'login', next: null }), { replace: true });
  }, [api, navigate]);

  const session = useMemo<Session | null>(
    () => (user ? { user, api, navigate } : null),
    [user, api, navigate],
  );

  if (user === undefined) {
    return (
      <p className="boot" role="status">
        Loading the console…
      </p>
    );
  }

  if (!session || route.name === 'login') {
    return <LoginPage api={api} onSignedIn={setUser} />;
  }

  return (
    <SessionContext.Provider value={session}>
      <HoldEventsProvider onClosed={onStreamClosed}>
        <AppShell route={route} onSignOut={signOut}>
          {route.name === 'queue' && <QueuePage search={route.search} />}
          {route.name === 'consignment' && <StoryPage consignmentId={route.consignmentId} />}
          {route.name === 'dashboard' && <DashboardPage />}
          {route.name === 'not-found' && (
            <section className="page">
              <h1 className="page-title" tabIndex={-1}>
                Page not found
              </h1>
              <p>
                There is no page at <code>{route.path}</code>. <a href="#/queue">Go to the hold queue</a>.
              </p>
            </section>
          )}
        </AppShell>
      </HoldEventsProvider>
    </SessionContext.Provider>
  );
}
