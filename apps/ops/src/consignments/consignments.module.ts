import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HoldsModule } from '../holds/holds.module';
import { ConsignmentReaderModule } from './consignment-reader.module';
import { ConsignmentStoryService } from './consignment-story.service';
import { ConsignmentsController } from './consignments.controller';

@Module({
  imports: [AuditModule, HoldsModule, ConsignmentReaderModule],
  controllers: [ConsignmentsController],
  providers: [ConsignmentStoryService],
})
export class ConsignmentsModule {}
