import { Logger, Module } from '@nestjs/common';
import { IngestEnvironment } from '../config/ingest.environment';
import { CanonicalEventPublisher } from './canonical-event.publisher';
import { InThreadRecordPreparer } from './in-thread-record.preparer';
import { IngestPortMessagesUseCase } from './ingest-port-messages.usecase';
import { KafkaCanonicalEventPublisher } from './kafka-canonical-event.publisher';
import { PortMessagesConsumer } from './port-messages.consumer';
import { PortMessagesMetrics } from './port-messages.metrics';
import {
  PORT_MESSAGES_SETTINGS,
  type PortMessagesSettings,
  portMessagesSettings,
} from './port-messages.settings';
import { RecordPreparer } from './record-preparer';
import { SeenEventHousekeeping } from './seen-event.housekeeping';
import { SeenEventRepository } from './seen-event.repository';
import { SeenEventStore } from './seen-event.store';
import { preparationWorkerSource, WorkerPoolRecordPreparer } from './worker-pool-record.preparer';

/** Worker threads when configured and their entry file is there; else the main thread. */
async function createRecordPreparer(settings: PortMessagesSettings): Promise<RecordPreparer> {
  const source = settings.decodeWorkers > 0 ? preparationWorkerSource() : undefined;
  if (source === undefined) {
    if (settings.decodeWorkers > 0) {
      new Logger('PortMessages').warn(
        'INGEST_DECODE_WORKERS is set but the worker entry is not beside the code (a bundled build?)',
      );
    }
    return new InThreadRecordPreparer(settings);
  }
  const pool = new WorkerPoolRecordPreparer(source, settings, settings.decodeWorkers);
  try {
    await pool.start();
  } catch (error) {
    await pool.onApplicationShutdown();
    throw error;
  }
  return pool;
}

@Module({
  providers: [
    { provide: PORT_MESSAGES_SETTINGS, inject: [IngestEnvironment], useFactory: portMessagesSettings },
    { provide: RecordPreparer, inject: [PORT_MESSAGES_SETTINGS], useFactory: createRecordPreparer },
    { provide: SeenEventStore, useClass: SeenEventRepository },
    { provide: CanonicalEventPublisher, useClass: KafkaCanonicalEventPublisher },
    PortMessagesMetrics,
    IngestPortMessagesUseCase,
    PortMessagesConsumer,
    SeenEventHousekeeping,
  ],
})
export class PortMessagesModule {}
