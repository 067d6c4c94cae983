export * from './bootstrap-service';
export * from './health/health.module';
export * from './health/health.service';
