export * from './bootstrap-service';
export * from './health/health.module';
export * from './health/health.service';
export * from './logging/json-logger';
export * from './metrics/consumer-lag';
export * from './metrics/metrics.module';
export * from './metrics/metrics.service';
export * from './public-route';
