import { Module } from '@nestjs/common';
import { EnvironmentModule } from '@chokepoint/config';
import { ALL_TOPICS } from '@chokepoint/contracts';
import { KafkaModule } from '@chokepoint/kafka';
import { PersistenceModule } from '@chokepoint/persistence';
import { HealthModule } from '@chokepoint/service-runtime';
import { ScreeningEnvironment } from './config/screening.environment';

@Module({
  imports: [
    EnvironmentModule.forRoot(ScreeningEnvironment),
    PersistenceModule.forRootAsync({
      inject: [ScreeningEnvironment],
      useFactory: (env: ScreeningEnvironment) => ({
        url: env.DATABASE_URL,
        poolSize: env.DATABASE_POOL_SIZE,
        applicationName: 'chokepoint-screening',
      }),
    }),
    KafkaModule.forRootAsync({
      inject: [ScreeningEnvironment],
      useFactory: (env: ScreeningEnvironment) => ({
        brokers: env.KAFKA_BROKERS.split(','),
        clientId: 'chokepoint-screening',
        topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
      }),
      topics: ALL_TOPICS,
    }),
    HealthModule,
  ],
})
export class ScreeningModule {}
