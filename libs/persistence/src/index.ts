export * from './data-source-options';
export * from './entities';
export * from './migrations';
export * from './persistence.module';
export * from './ops';
export * from './processed-events/processed-event.entity';
export * from './screening';
