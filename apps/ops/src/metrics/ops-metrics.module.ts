import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { HoldMetricsCollector } from './hold-metrics.collector';

/** Ops' own gauges on the application registry that MetricsModule.forRoot provides. */
@Module({ imports: [SlaModule], providers: [HoldMetricsCollector] })
export class OpsMetricsModule {}
