/**
 * The console routes on the URL fragment, so the ops app serves one index.html and deep links work
 * without server-side fallbacks: #/queue?stage=EXPORT, #/consignments/MAEU123, #/dashboard, #/login.
 */
export type AppRoute =
  | { name: 'login'; next: string | null }
  | { name: 'queue'; search: string }
  | { name: 'consignment'; consignmentId: string }
  | { name: 'dashboard' }
  | { name: 'not-found'; path: string };

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseRoute(hash: string): AppRoute {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = fragment.indexOf('?');
  const path = (queryAt < 0 ? fragment : fragment.slice(0, queryAt)).replace(/\/+$/, '') || '/';
  const search = queryAt < 0 ? '' : fragment.slice(queryAt + 1);
  if (path === '/' || path === '/queue') {
    return { name: 'queue', search };
  }
  if (path === '/login') {
    const next = new URLSearchParams(search).get('next');
    // Only in-app fragments are valid targets, so a crafted link cannot send an officer elsewhere.
    return { name: 'login', next: next?.startsWith('#/') ? next : null };
  }
  if (path === '/dashboard') {
    return { name: 'dashboard' };
  }
  const consignment = /^\/consignments\/([^/]+)$/.exec(path);
  if (consignment?.[1]) {
    return { name: 'consignment', consignmentId: safeDecode(consignment[1]) };
  }
  return { name: 'not-found', path };
}

export function hrefFor(route: AppRoute): string {
  switch (route.name) {
    case 'login':
      return route.next ? `#/login?next=${encodeURIComponent(route.next)}` : '#/login';
    case 'queue':
      return route.search ? `#/queue?${route.search}` : '#/queue';
    case 'consignment':
      return `#/consignments/${encodeURIComponent(route.consignmentId)}`;
    case 'dashboard':
      return '#/dashboard';
    case 'not-found':
      return `#${route.path}`;
  }
}
