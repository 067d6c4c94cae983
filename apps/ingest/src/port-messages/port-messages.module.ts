import { Module } from '@nestjs/common';
import { IngestEnvironment } from '../config/ingest.environment';
import { CanonicalEventPublisher } from './canonical-event.publisher';
import { IngestPortMessagesUseCase } from './ingest-port-messages.usecase';
import { KafkaCanonicalEventPublisher } from './kafka-canonical-event.publisher';
import { PortMessagesConsumer } from './port-messages.consumer';
import { PortMessagesMetrics } from './port-messages.metrics';
import { PORT_MESSAGES_SETTINGS, portMessagesSettings } from './port-messages.settings';
import { SeenEventRepository } from './seen-event.repository';
import { SeenEventStore } from './seen-event.store';

@Module({
  providers: [
    { provide: PORT_MESSAGES_SETTINGS, inject: [IngestEnvironment], useFactory: portMessagesSettings },
    { provide: SeenEventStore, useClass: SeenEventRepository },
    { provide: CanonicalEventPublisher, useClass: KafkaCanonicalEventPublisher },
    PortMessagesMetrics,
    IngestPortMessagesUseCase,
    PortMessagesConsumer,
  ],
})
export class PortMessagesModule {}
