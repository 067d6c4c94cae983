import { OpsAuditLogEntity } from './ops-audit-log.entity';
import { OpsDecisionHourlyEntity } from './ops-decision-hourly.entity';
import { OpsHoldNoteEntity } from './ops-hold-note.entity';
import { OpsHoldEntity } from './ops-hold.entity';
import { OpsLoginAttemptEntity } from './ops-login-attempt.entity';
import { OpsServiceTokenEntity } from './ops-service-token.entity';
import { OpsSessionEntity } from './ops-session.entity';
import { OpsUserEntity } from './ops-user.entity';

export * from './ops-audit-log.entity';
export * from './ops-decision-hourly.entity';
export * from './ops-hold-note.entity';
export * from './ops-hold.entity';
export * from './ops-login-attempt.entity';
export * from './ops-service-token.entity';
export * from './ops-session.entity';
export * from './ops-user.entity';

/** Tables owned by the ops app (migration 1764403500000). */
export const OPS_ENTITIES = [
  OpsUserEntity,
  OpsSessionEntity,
  OpsServiceTokenEntity,
  OpsLoginAttemptEntity,
  OpsHoldEntity,
  OpsHoldNoteEntity,
  OpsDecisionHourlyEntity,
  OpsAuditLogEntity,
];
