import { ProcessedEvents1764403200000 } from './1764403200000-processed-events';

/** Every migration in order; listed explicitly so bundled apps find them without globbing. */
export const MIGRATIONS = [ProcessedEvents1764403200000];
