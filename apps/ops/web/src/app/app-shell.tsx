import { type ReactNode, useEffect, useRef } from 'react';
import { useStreamConnection } from '../events/hold-events.provider';
import type { AppRoute } from './app-route';
import { useSession } from './session-context';

const CONNECTION_TEXT = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
} as const;

/** Header, navigation, skip link and the main landmark that every signed-in page sits in. */
export function AppShell(props: {
  route: AppRoute;
  onSignOut: () => Promise<void>;
  children: ReactNode;
}): ReactNode {
  const { route, onSignOut, children } = props;
  const { user } = useSession();
  const connection = useStreamConnection();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const pageKey = route.name === 'consignment' ? `consignment:${route.consignmentId}` : route.name;

  // After navigating, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: false });
  }, [pageKey]);

  const current = (name: AppRoute['name']) => (route.name === name ? ('page' as const) : undefined);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The fragment is the router's, so the skip link moves focus itself.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="masthead">
        <div className="masthead__brand">
          <span className="masthead__emblem" aria-hidden="true">
            ◆
          </span>
          <span>
            Chokepoint <span className="masthead__sub">Strategic trade control · Hold queue</span>
          </span>
        </div>
        <nav className="masthead__nav" aria-label="Main">
          <a href="#/queue" aria-current={current('queue')}>
            Queue
          </a>
          <a href="#/dashboard" aria-current={current('dashboard')}>
            Dashboard
          </a>
        </nav>
        <p className={`stream stream--${connection}`} role="status" aria-label="Live updates">
          <span className="stream__dot" aria-hidden="true" />
          {CONNECTION_TEXT[connection]}
        </p>
        <div className="masthead__user">
          <span className="masthead__name" data-testid="current-user">
            {user.displayName}
          </span>
          <span className="masthead__roles">{user.roles.join(', ')}</span>
          <button
            type="button"
            className="button button--quiet button--on-dark"
            onClick={() => void onSignOut()}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
