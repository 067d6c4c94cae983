import { Module } from '@nestjs/common';
import { EnvironmentModule } from '@chokepoint/config';
import { ALL_TOPICS } from '@chokepoint/contracts';
import { KafkaModule } from '@chokepoint/kafka';
import { KEYED_SESSION_OPTIONS, PersistenceModule } from '@chokepoint/persistence';
import { HealthModule, MetricsModule } from '@chokepoint/service-runtime';
import { IngestEnvironment } from './config/ingest.environment';
import { PortMessagesModule } from './port-messages/port-messages.module';

@Module({
  imports: [
    EnvironmentModule.forRoot(IngestEnvironment),
    PersistenceModule.forRootAsync({
      inject: [IngestEnvironment],
      useFactory: (env: IngestEnvironment) => ({
        url: env.DATABASE_URL,
        poolSize: env.DATABASE_POOL_SIZE,
        applicationName: 'chokepoint-ingest',
        sessionOptions: KEYED_SESSION_OPTIONS,
      }),
    }),
    KafkaModule.forRootAsync({
      inject: [IngestEnvironment],
      useFactory: (env: IngestEnvironment) => ({
        brokers: env.KAFKA_BROKERS.split(','),
        clientId: 'chokepoint-ingest',
        topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
      }),
      topics: ALL_TOPICS,
    }),
    HealthModule,
    MetricsModule.forRoot({ service: 'ingest' }),
    PortMessagesModule,
  ],
})
export class IngestModule {}
