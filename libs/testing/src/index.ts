export * from './poll-until';
export * from './topic-collector';
