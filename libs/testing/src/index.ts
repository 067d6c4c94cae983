export * from './poll-until';
export * from './topic-collector';
export * from './scratch-database';
