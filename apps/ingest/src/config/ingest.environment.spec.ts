import { EnvironmentError, validateEnvironment } from '@chokepoint/config';
import { Topics } from '@chokepoint/contracts';
import { IngestEnvironment } from './ingest.environment';

describe('IngestEnvironment', () => {
  it('reads the pinned topics as group chokepoint-ingest unless told otherwise', () => {
    const environment = validateEnvironment(IngestEnvironment, {});
    expect([
      environment.INGEST_MANIFESTS_TOPIC,
      environment.INGEST_MOVEMENTS_TOPIC,
      environment.INGEST_OUTPUT_TOPIC,
      environment.INGEST_DEAD_LETTER_TOPIC,
      environment.INGEST_CONSUMER_GROUP,
    ]).toEqual([
      Topics.portManifests,
      Topics.portMovements,
      Topics.canonicalEvents,
      Topics.deadLetter,
      'chokepoint-ingest',
    ]);
  });

  it('names every bad setting', () => {
    const attempt = (): unknown =>
      validateEnvironment(IngestEnvironment, {
        INGEST_OUTPUT_TOPIC: 'canonical events',
        INGEST_CHUNK_SIZE: '0',
      });
    expect(attempt).toThrow(EnvironmentError);
    expect(attempt).toThrow(/INGEST_OUTPUT_TOPIC: .*Kafka topic name[\s\S]*INGEST_CHUNK_SIZE: /);
  });
});
