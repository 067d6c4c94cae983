import { Module } from '@nestjs/common';
import { EnvironmentModule } from '@chokepoint/config';
import { ALL_TOPICS } from '@chokepoint/contracts';
import { KafkaModule } from '@chokepoint/kafka';
import { PersistenceModule } from '@chokepoint/persistence';
import { HealthModule } from '@chokepoint/service-runtime';
import { OpsEnvironment } from './config/ops.environment';

@Module({
  imports: [
    EnvironmentModule.forRoot(OpsEnvironment),
    PersistenceModule.forRootAsync({
      inject: [OpsEnvironment],
      useFactory: (env: OpsEnvironment) => ({
        url: env.DATABASE_URL,
        poolSize: env.DATABASE_POOL_SIZE,
        applicationName: 'chokepoint-ops',
      }),
    }),
    KafkaModule.forRootAsync({
      inject: [OpsEnvironment],
      useFactory: (env: OpsEnvironment) => ({
        brokers: env.KAFKA_BROKERS.split(','),
        clientId: 'chokepoint-ops',
        topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
      }),
      topics: ALL_TOPICS,
    }),
    HealthModule,
  ],
})
export class OpsModule {}
