import { SetMetadata } from '@nestjs/common';

/**
 * Marks the runtime's own routes (health probes, the Prometheus scrape) as meant to be reachable
 * without credentials. An app with a deny-by-default guard honours this key as well as its own.
 */
export const PUBLIC_ROUTE = 'chokepoint:public-route';

export const PublicRoute = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);
