export * from './sql-executor';
export * from './write-batch';
export * from './consignment.entity';
export * from './consignment-link.entity';
export * from './pending-movement.entity';
export * from './pending-movement-key.entity';
export * from './screening-timer.entity';
export * from './decision.entity';
export * from './outbox-message.entity';
export * from './outbox-relay-state.entity';
export * from './officer-action.entity';
export * from './consignment.repository';
export * from './consignment-link.repository';
export * from './pending-movement.repository';
export * from './screening-timer.repository';
export * from './decision.repository';
export * from './outbox.repository';
export * from './processed-event.repository';
export * from './officer-action.repository';
export * from './joining-claim.entity';
export * from './joining-claim.repository';
export * from './joining.repository';

import { ConsignmentLinkEntity } from './consignment-link.entity';
import { ConsignmentEntity } from './consignment.entity';
import { DecisionEntity } from './decision.entity';
import { JoiningClaimEntity } from './joining-claim.entity';
import { OfficerActionEntity } from './officer-action.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelayStateEntity } from './outbox-relay-state.entity';
import { PendingMovementEntity } from './pending-movement.entity';
import { PendingMovementKeyEntity } from './pending-movement-key.entity';
import { ScreeningTimerEntity } from './screening-timer.entity';

export const SCREENING_ENTITIES = [
  ConsignmentEntity,
  ConsignmentLinkEntity,
  PendingMovementEntity,
  PendingMovementKeyEntity,
  ScreeningTimerEntity,
  DecisionEntity,
  OutboxMessageEntity,
  OutboxRelayStateEntity,
  OfficerActionEntity,
  JoiningClaimEntity,
];
