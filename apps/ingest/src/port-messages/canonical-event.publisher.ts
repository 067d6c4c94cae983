import type { CanonicalMessage } from './canonical-message';

/** Where canonical events go once decoded; resolves when the broker has them (acks from all replicas). */
export abstract class CanonicalEventPublisher {
  abstract publish(messages: readonly CanonicalMessage[]): Promise<void>;
}
