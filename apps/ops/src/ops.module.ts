import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { EnvironmentModule } from '@chokepoint/config';
import { ALL_TOPICS } from '@chokepoint/contracts';
import { KafkaModule } from '@chokepoint/kafka';
import { PersistenceModule } from '@chokepoint/persistence';
import { HealthModule, MetricsModule } from '@chokepoint/service-runtime';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClockModule } from './clock/clock.module';
import { OpsEnvironment } from './config/ops.environment';
import { ConsignmentsModule } from './consignments/consignments.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HoldsModule } from './holds/holds.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { createValidationPipe } from './http/validation';
import { LiveUpdatesModule } from './live-updates/live-updates.module';
import { OpsMetricsModule } from './metrics/ops-metrics.module';
import { UsersModule } from './users/users.module';

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
    // Health and metrics routes carry the runtime's PUBLIC_ROUTE key, which the ops guard honours.
    MetricsModule.forRoot({ service: 'ops' }),
    OpsMetricsModule,
    ClockModule,
    AuditModule,
    AuthModule,
    UsersModule,
    HoldsModule,
    ConsignmentsModule,
    DashboardModule,
    LiveUpdatesModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class OpsModule {}
