import { Module } from '@nestjs/common';
import { EnvironmentModule } from '@chokepoint/config';
import { ALL_TOPICS } from '@chokepoint/contracts';
import { KafkaModule } from '@chokepoint/kafka';
import {
  JoiningClaimRepository,
  ConsignmentLinkRepository,
  ConsignmentRepository,
  DecisionRepository,
  JoiningRepository,
  KEYED_SESSION_OPTIONS,
  OfficerActionRepository,
  OutboxRepository,
  PendingMovementRepository,
  PersistenceModule,
  ProcessedEventRepository,
  ScreeningTimerRepository,
} from '@chokepoint/persistence';
import { HealthModule, MetricsModule } from '@chokepoint/service-runtime';
import { ApplyCanonicalEventsUseCase } from './canonical-events/apply-canonical-events.usecase';
import { CanonicalEventsConsumer } from './canonical-events/canonical-events.consumer';
import { Clock, SystemClock } from './clock/clock';
import { ScreeningEnvironment } from './config/screening.environment';
import { ConsignmentStore } from './consignments/consignment.store';
import { ScreeningUnitOfWork } from './consignments/screening-unit-of-work';
import { HousekeepingService } from './housekeeping/housekeeping.service';
import { ScreeningMetrics } from './metrics/screening.metrics';
import { OfficerDecisionsController } from './officer-decisions/officer-decisions.controller';
import { RecordOfficerDecisionUseCase } from './officer-decisions/record-officer-decision.usecase';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { RuleSetController } from './rule-set/rule-set.controller';
import { RuleSetService } from './rule-set/rule-set.service';
import { ServiceTokenGuard } from './service-token/service-token.guard';
import { FireDueTimersUseCase } from './timers/fire-due-timers.usecase';
import { TimerPollerService } from './timers/timer-poller.service';

@Module({
  imports: [
    EnvironmentModule.forRoot(ScreeningEnvironment),
    PersistenceModule.forRootAsync({
      inject: [ScreeningEnvironment],
      useFactory: (env: ScreeningEnvironment) => ({
        url: env.DATABASE_URL,
        poolSize: env.DATABASE_POOL_SIZE,
        applicationName: 'chokepoint-screening',
        sessionOptions: KEYED_SESSION_OPTIONS,
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
    MetricsModule.forRoot({ service: 'screening' }),
  ],
  controllers: [OfficerDecisionsController, RuleSetController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    // Repositories: stateless SQL over the caller's transaction.
    JoiningClaimRepository,
    ConsignmentRepository,
    ConsignmentLinkRepository,
    PendingMovementRepository,
    ScreeningTimerRepository,
    DecisionRepository,
    JoiningRepository,
    OutboxRepository,
    ProcessedEventRepository,
    OfficerActionRepository,
    // The durable world and what it screens with.
    ScreeningMetrics,
    RuleSetService,
    ScreeningUnitOfWork,
    ConsignmentStore,
    // Use cases and the adapters that drive them.
    ApplyCanonicalEventsUseCase,
    CanonicalEventsConsumer,
    FireDueTimersUseCase,
    TimerPollerService,
    RecordOfficerDecisionUseCase,
    ServiceTokenGuard,
    OutboxRelayService,
    HousekeepingService,
  ],
})
export class ScreeningModule {}
