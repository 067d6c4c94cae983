import { Inject, Injectable } from '@nestjs/common';
import type { Message, Producer } from 'kafkajs';
import type { CanonicalEvent } from '@chokepoint/contracts';
import { KAFKA_PRODUCER, sendSizeBounded } from '@chokepoint/kafka';
import { canonicalEventKey } from './canonical-event-key';
import { CanonicalEventPublisher } from './canonical-event.publisher';
import { PORT_MESSAGES_SETTINGS, type PortMessagesSettings } from './port-messages.settings';

export const CANONICAL_EVENT_HEADERS = {
  kind: 'chokepoint-event-kind',
  schemaVersion: 'chokepoint-schema-version',
} as const;

export function toCanonicalMessage(event: CanonicalEvent): Message {
  return {
    key: canonicalEventKey(event),
    value: JSON.stringify(event),
    headers: {
      [CANONICAL_EVENT_HEADERS.kind]: event.kind,
      [CANONICAL_EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
    },
  };
}

/** Publishes a chunk's canonical events in one send (several only when they would overflow a record batch). */
@Injectable()
export class KafkaCanonicalEventPublisher extends CanonicalEventPublisher {
  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(PORT_MESSAGES_SETTINGS) private readonly settings: PortMessagesSettings,
  ) {
    super();
  }

  async publish(events: readonly CanonicalEvent[]): Promise<void> {
    if (events.length > 0) {
      await sendSizeBounded(this.producer, this.settings.outputTopic, events.map(toCanonicalMessage));
    }
  }
}
