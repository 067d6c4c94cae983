export * from './batch-consumer';
export * from './dead-letter';
export * from './inbound-record';
export * from './kafka-client';
export * from './kafka-settings';
export * from './kafka.module';
export * from './topic-provisioner';
