/** Topics pinned by DESIGN.md; other systems depend on these names. */
export const Topics = {
  portManifests: 'port.manifests.v1',
  portMovements: 'port.movements.v1',
  decisions: 'chokepoint.decisions.v1',
  deadLetter: 'chokepoint.dlq.v1',
  /** Internal: canonical manifests and movements from ingest to screening, keyed by consignment or equipment. */
  canonicalEvents: 'chokepoint.canonical-events.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);
