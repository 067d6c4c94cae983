export * from './batch-consumer';
export * from './dead-letter';
export * from './inbound-record';
export * from './kafka-client';
export * from './kafka-settings';
export * from './kafka.module';
export * from './size-bounded-send';
export * from './topic-provisioner';
