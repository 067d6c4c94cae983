import { type DynamicModule, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

export interface MetricsOptions {
  /** Added as the `service` label to every series, so one Prometheus job can scrape all services. */
  service: string;
}

/**
 * A Prometheus registry per application (not prom-client's global one, so that several apps can run in
 * one process, as integration tests do), with the Node.js default metrics and `GET /metrics`.
 * Features inject `Registry` and register their own counters and histograms on it.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        {
          provide: Registry,
          useFactory: (): Registry => {
            const registry = new Registry();
            registry.setDefaultLabels({ service: options.service });
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
        MetricsService,
      ],
      exports: [Registry, MetricsService],
    };
  }
}
