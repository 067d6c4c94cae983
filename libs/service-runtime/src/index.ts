export * from './bootstrap-service';
export * from './health/health.module';
export * from './health/health.service';
export * from './metrics/metrics.module';
export * from './metrics/metrics.service';
