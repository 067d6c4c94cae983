import { Registry } from 'prom-client';
import type { CanonicalEvent, MovementEvent } from '@chokepoint/contracts';
import { inboundRecord, tnt300Event, transportDocument } from '../../test/port-message.factory';
import { IngestEnvironment } from '../config/ingest.environment';
import type { CanonicalMessage } from './canonical-message';
import { CanonicalEventPublisher } from './canonical-event.publisher';
import { InThreadRecordPreparer } from './in-thread-record.preparer';
import { IngestPortMessagesUseCase } from './ingest-port-messages.usecase';
import { PortMessagesErrorCode, PortMessagesException } from './port-messages.exception';
import { PortMessagesMetrics } from './port-messages.metrics';
import { portMessagesSettings } from './port-messages.settings';
import type { PreparedRecord } from './record-preparation';
import { RecordPreparer } from './record-preparer';
import {
  type SeenEventFingerprint,
  type SeenEventKey,
  seenEventKeyText,
  SeenEventStore,
} from './seen-event.store';

class InMemorySeenEvents extends SeenEventStore {
  readonly rows = new Map<string, SeenEventFingerprint>();
  roundTrips = 0;

  findLatest(keys: readonly SeenEventKey[]): Promise<SeenEventFingerprint[]> {
    this.roundTrips += 1;
    return Promise.resolve(keys.flatMap((key) => this.rows.get(seenEventKeyText(key)) ?? []));
  }

  remember(fingerprints: readonly SeenEventFingerprint[]): Promise<void> {
    this.roundTrips += 1;
    for (const fingerprint of fingerprints) {
      this.rows.set(seenEventKeyText(fingerprint), fingerprint);
    }
    return Promise.resolve();
  }

  /** As the table does: what was written is kept only once publishing succeeded. */
  async rememberAlongside(
    fingerprints: readonly SeenEventFingerprint[],
    publish: () => Promise<void>,
  ): Promise<void> {
    await publish();
    await this.remember(fingerprints);
  }

  forgetOlderThan(): Promise<number> {
    return Promise.reject(new Error('the use case never forgets (SeenEventHousekeeping does)'));
  }
}

class RecordingPublisher extends CanonicalEventPublisher {
  readonly sends: CanonicalEvent[][] = [];
  failNext = false;

  publish(messages: readonly CanonicalMessage[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('broker unavailable'));
    }
    this.sends.push(messages.map((message) => JSON.parse(message.value.toString()) as CanonicalEvent));
    return Promise.resolve();
  }

  get published(): CanonicalEvent[] {
    return this.sends.flat();
  }
}

describe('IngestPortMessagesUseCase', () => {
  let seen: InMemorySeenEvents;
  let publisher: RecordingPublisher;
  let registry: Registry;
  let ingest: IngestPortMessagesUseCase;

  beforeEach(() => {
    seen = new InMemorySeenEvents();
    publisher = new RecordingPublisher();
    registry = new Registry();
    ingest = new IngestPortMessagesUseCase(
      new InThreadRecordPreparer(portMessagesSettings(new IngestEnvironment())),
      seen,
      publisher,
      new PortMessagesMetrics(registry),
    );
  });

  async function metric(name: string, labels: Record<string, string>): Promise<number> {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
    const match = values.find((value) =>
      Object.entries(labels).every(([label, wanted]) => value.labels[label] === wanted),
    );
    return match?.value ?? 0;
  }

  /** How many times each step of a chunk was timed (the histogram's counts). */
  async function stepsTimed(): Promise<Record<string, number>> {
    const text = await registry.getSingleMetricAsString('chokepoint_ingest_chunk_step_seconds');
    return Object.fromEntries(
      [...text.matchAll(/^chokepoint_ingest_chunk_step_seconds_count\{step="(\w+)"\} (\d+)$/gm)].map(
        ([, step, count]) => [String(step), Number(count)],
      ),
    );
  }

  it('publishes a chunk in one send with one read and one write of seen events, and says done, rejected or partial', async () => {
    const records = [
      inboundRecord(tnt300Event({ eventID: 'first' })),
      inboundRecord(Buffer.from('{not json')),
      inboundRecord({
        events: [
          tnt300Event({ eventID: 'push-0' }),
          tnt300Event({ eventID: 'push-1' }),
          tnt300Event({ eventID: 'push-2', eventDateTime: 'yesterday' }),
        ],
      }),
      inboundRecord(tnt300Event()),
    ];

    const outcomes = await ingest.execute(records);

    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['done', 'rejected', 'partial', 'done']);
    const partial = outcomes[2];
    // Only the bad event's errors (one per failed constraint), with its index in the path.
    expect(
      partial?.kind === 'partial' && new Set(partial.errors.map((error) => `${error.path} ${error.code}`)),
    ).toEqual(new Set(['events[2].eventDateTime field.format']));
    const rejected = outcomes[1];
    expect(rejected?.kind === 'rejected' && rejected.errors.map((error) => error.code)).toEqual([
      'record.not_json',
    ]);
    expect(publisher.sends).toHaveLength(1);
    expect(
      publisher.published.map((event) =>
        event.kind === 'MANIFEST' ? event.transportDocumentReference : event.eventId,
      ),
    ).toEqual(['first', 'push-0', 'push-1', 'evt-30-1']);
    expect(seen.roundTrips).toBe(2);
    expect(await metric('chokepoint_ingest_rejections_total', { code: 'field.format' })).toBe(1);
    expect(await metric('chokepoint_ingest_rejections_total', { code: 'record.not_json' })).toBe(1);
    expect(await metric('chokepoint_ingest_canonical_events_total', { kind: 'MOVEMENT' })).toBe(4);
    expect(await metric('chokepoint_ingest_records_consumed_total', { topic: 'port.movements.v1' })).toBe(4);
    expect(await stepsTimed()).toEqual({ decode: 1, lookup: 1, publish: 1, remember: 1 });
  });

  it('drops redeliveries and resends, and forwards updates and retractions', async () => {
    await ingest.execute([
      inboundRecord(tnt300Event()),
      inboundRecord(transportDocument(), { topic: 'port.manifests.v1' }),
    ]);
    const outcomes = await ingest.execute([
      inboundRecord(tnt300Event(), { partition: 3 }),
      inboundRecord(transportDocument(), {
        topic: 'port.manifests.v1',
        timestamp: '2026-03-05T08:00:00.000Z',
      }),
      inboundRecord(tnt300Event({ eventUpdatedDateTime: '2026-03-04T10:30:00Z' })),
      inboundRecord(tnt300Event({ isRetracted: true })),
    ]);

    expect(outcomes.every((outcome) => outcome.kind === 'done')).toBe(true);
    const second = (publisher.sends[1] ?? []) as MovementEvent[];
    expect(second.map((event) => [event.eventId, event.action, event.eventCreatedDateTime])).toEqual([
      ['evt-30-1', 'UPSERT', '2026-03-04T10:30:00Z'],
      ['evt-30-1', 'RETRACT', undefined],
    ]);
    expect(await metric('chokepoint_ingest_duplicates_dropped_total', { kind: 'MOVEMENT' })).toBe(1);
    expect(await metric('chokepoint_ingest_duplicates_dropped_total', { kind: 'MANIFEST' })).toBe(1);
  });

  it('remembers nothing when publishing fails, so that the retried chunk publishes again', async () => {
    publisher.failNext = true;
    const chunk = [inboundRecord(tnt300Event())];
    const failure = await ingest.execute(chunk).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortMessagesException);
    expect((failure as PortMessagesException).code).toBe(PortMessagesErrorCode.PublishFailed);
    expect(seen.rows.size).toBe(0);
    // A step is timed when it completes: the failed send is not.
    expect(await stepsTimed()).toEqual({ decode: 1, lookup: 1 });

    await ingest.execute(chunk);
    expect(publisher.published).toHaveLength(1);
    expect(await stepsTimed()).toEqual({ decode: 2, lookup: 2, publish: 1, remember: 1 });
  });

  it('fails the chunk, touching neither the store nor the broker, when its records cannot be prepared', async () => {
    class BrokenPreparer extends RecordPreparer {
      prepare(): Promise<PreparedRecord[]> {
        return Promise.reject(new Error('worker thread exited with code 1'));
      }
    }
    const broken = new IngestPortMessagesUseCase(
      new BrokenPreparer(),
      seen,
      publisher,
      new PortMessagesMetrics(new Registry()),
    );
    const failure = await broken.execute([inboundRecord(tnt300Event())]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortMessagesException);
    expect((failure as PortMessagesException).code).toBe(PortMessagesErrorCode.PreparationFailed);
    expect(publisher.sends).toEqual([]);
    expect(seen.roundTrips).toBe(0);
  });

  it('skips the store and the publisher for a chunk of rejects', async () => {
    const outcomes = await ingest.execute([inboundRecord(null), inboundRecord({ events: [] })]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['rejected', 'rejected']);
    expect(publisher.sends).toEqual([]);
    expect(seen.roundTrips).toBe(0);
    expect(await stepsTimed()).toEqual({ decode: 1 });
  });
});
