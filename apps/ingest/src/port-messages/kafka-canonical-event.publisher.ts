import { Inject, Injectable } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { KAFKA_PRODUCER, sendSizeBounded } from '@chokepoint/kafka';
import type { CanonicalMessage } from './canonical-message';
import { CanonicalEventPublisher } from './canonical-event.publisher';
import { PORT_MESSAGES_SETTINGS, type PortMessagesSettings } from './port-messages.settings';

/** Publishes a chunk's canonical events in one send (several only when they would overflow a record batch). */
@Injectable()
export class KafkaCanonicalEventPublisher extends CanonicalEventPublisher {
  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(PORT_MESSAGES_SETTINGS) private readonly settings: PortMessagesSettings,
  ) {
    super();
  }

  async publish(messages: readonly CanonicalMessage[]): Promise<void> {
    if (messages.length > 0) {
      await sendSizeBounded(this.producer, this.settings.outputTopic, messages);
    }
  }
}
