import { Injectable } from '@nestjs/common';
import { Registry } from 'prom-client';

@Injectable()
export class MetricsService {
  constructor(private readonly registry: Registry) {}

  /** The Prometheus text exposition of every metric in the application's registry. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
