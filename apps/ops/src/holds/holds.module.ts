import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsignmentReaderModule } from '../consignments/consignment-reader.module';
import { SlaModule } from '../sla/sla.module';
import { UsersModule } from '../users/users.module';
import { DecisionsProjectionConsumer } from './decisions-projection.consumer';
import { HoldActionsService } from './hold-actions.service';
import { HoldNoteRepository } from './hold-note.repository';
import { HoldProjectionService } from './hold-projection.service';
import { HoldQueryService } from './hold-query.service';
import { HoldRepository } from './hold.repository';
import { HoldsController } from './holds.controller';
import { HttpOfficerDecisionGateway } from './http-officer-decision.gateway';
import { OFFICER_DECISION_GATEWAY } from './officer-decision.gateway';
import { ProjectionHousekeeping } from './projection-housekeeping';
import { SlaRefresher } from './sla-refresher';

@Module({
  imports: [AuditModule, UsersModule, SlaModule, ConsignmentReaderModule],
  controllers: [HoldsController],
  providers: [
    HoldRepository,
    HoldNoteRepository,
    HoldQueryService,
    HoldActionsService,
    HoldProjectionService,
    DecisionsProjectionConsumer,
    SlaRefresher,
    ProjectionHousekeeping,
    { provide: OFFICER_DECISION_GATEWAY, useClass: HttpOfficerDecisionGateway },
  ],
  exports: [HoldRepository, HoldQueryService, HoldNoteRepository],
})
export class HoldsModule {}
