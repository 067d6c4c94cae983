import type { CanonicalEvent } from '@chokepoint/contracts';

/** Where canonical events go once decoded; resolves when the broker has them (acks from all replicas). */
export abstract class CanonicalEventPublisher {
  abstract publish(events: readonly CanonicalEvent[]): Promise<void>;
}
