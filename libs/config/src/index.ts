export * from './common-environment';
export * from './env-files';
export * from './environment-validation';
export * from './environment.module';
