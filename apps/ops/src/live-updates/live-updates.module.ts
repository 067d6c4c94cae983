import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HoldsModule } from '../holds/holds.module';
import { EventStreamService } from './event-stream.service';
import { EventsController } from './events.controller';
import { HoldChangeListener } from './hold-change.listener';
import { HoldEventsBus } from './hold-events.bus';

@Module({
  imports: [HoldsModule, AuthModule],
  controllers: [EventsController],
  providers: [HoldEventsBus, HoldChangeListener, EventStreamService],
  exports: [HoldChangeListener],
})
export class LiveUpdatesModule {}
