import { useCallback, useEffect, useState } from 'react';
import { type AppRoute, parseRoute } from './app-route';

export type Navigate = (href: string, options?: { replace?: boolean }) => void;

/** The current route from the URL fragment, and a way to change it. */
export function useHashRoute(): [AppRoute, Navigate] {
  const [route, setRoute] = useState<AppRoute>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback<Navigate>((href, options) => {
    if (options?.replace) {
      // Filter changes replace the entry, so Back leaves the queue instead of undoing each filter.
      window.history.replaceState(window.history.state, '', href);
      setRoute(parseRoute(href));
    } else if (window.location.hash !== href) {
      window.location.hash = href;
    }
  }, []);
  return [route, navigate];
}
