import { ProcessedEvents1764403200000 } from './1764403200000-processed-events';
import { IngestEventSeen1764403300000 } from './1764403300000-ingest-event-seen';
import { ScreeningState1764403400000 } from './1764403400000-screening-state';
import { OpsConsole1764403500000 } from './1764403500000-ops-console';
import { JoiningClaims1764403600000 } from './1764403600000-joining-claims';
import { Lz4StateCompression1764403700000 } from './1764403700000-lz4-state-compression';
import { PendingMovementKeys1764403800000 } from './1764403800000-pending-movement-keys';
import { OutboxDeleteOnPublish1764403900000 } from './1764403900000-outbox-delete-on-publish';

/** Every migration in order; listed explicitly so bundled apps find them without globbing. */
export const MIGRATIONS = [
  ProcessedEvents1764403200000,
  IngestEventSeen1764403300000,
  ScreeningState1764403400000,
  OpsConsole1764403500000,
  JoiningClaims1764403600000,
  Lz4StateCompression1764403700000,
  PendingMovementKeys1764403800000,
  OutboxDeleteOnPublish1764403900000,
];
