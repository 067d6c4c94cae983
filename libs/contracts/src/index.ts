export * from './topics/topics';
export * from './decisions/decision-event';
export * from './dlq/rejection-record';
export * from './canonical/common';
export * from './canonical/consignment-manifest';
export * from './canonical/movement-event';

import type { ConsignmentManifest } from './canonical/consignment-manifest';
import type { MovementEvent } from './canonical/movement-event';
/** What ingest publishes on the internal canonical topic. */
export type CanonicalEvent = ConsignmentManifest | MovementEvent;
export * from './sanctions/sanctions-screener';
