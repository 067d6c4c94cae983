import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Admin, Kafka, logLevel, type Message, type Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { stackSettings } from '@chokepoint/config';
import type { CanonicalEvent, RejectionRecord } from '@chokepoint/contracts';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { sendSizeBounded } from '@chokepoint/kafka';
import { pollUntil, TopicCollector } from '@chokepoint/testing';
import { IngestModule } from '../../apps/ingest/src/ingest.module';
import { generateMalformedRecords } from '../../libs/ingest-decoding/test/malformed-corpus';

interface PortRecord {
  topic: string;
  key: string;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** What screening can tell apart on the canonical topic: the event, its action and its content version. */
function identity(event: CanonicalEvent): string {
  return event.kind === 'MANIFEST'
    ? `MANIFEST ${event.transportDocumentReference} ${event.parties.map((party) => party.name).join('|')}`
    : `MOVEMENT ${event.originatingParty} ${event.eventId} ${event.action} ${event.eventCreatedDateTime ?? ''}`;
}

/**
 * The ingest service in-process on the real broker and database, on topics of its own for this run:
 * malformed records reach the dead-letter topic with their reason and original bytes, valid DCSA
 * messages come out as canonical events, a push body with one bad event is both, and a resend is
 * dropped while an update, a retraction and an amendment pass.
 */
describe('ingest pipeline on the real broker and database', () => {
  const settings = stackSettings();
  const runId = randomUUID().slice(0, 8);
  const topics = {
    manifests: `it.ingest.${runId}.manifests`,
    movements: `it.ingest.${runId}.movements`,
    canonical: `it.ingest.${runId}.canonical`,
    deadLetter: `it.ingest.${runId}.dlq`,
  };
  const groupId = `it-ingest-${runId}`;
  const kafka = new Kafka({ clientId: 'it-ingest', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const savedEnvironment = { ...process.env };
  let app: INestApplication;
  let admin: Admin;
  let producer: Producer;
  let canonical: TopicCollector;
  let deadLetters: TopicCollector;

  const decodeOptions = { manifestsTopic: topics.manifests, movementsTopic: topics.movements };

  /** Golden DCSA inputs, one record per message, with references made unique to this run. */
  function validRecords(): PortRecord[] {
    const dir = join(__dirname, '../../libs/ingest-decoding/test/golden');
    const records: PortRecord[] = [];
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith('.input.json'))
      .sort()) {
      const input: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      for (const message of Array.isArray(input) ? input : [input]) {
        const text = JSON.stringify(message).replace(
          /"(eventID|retractedEventID)":"([^"]+)"/g,
          (_match, field: string, id: string) => `"${field}":"${runId}-${id}"`,
        );
        const n = records.length;
        if (file.startsWith('tnt-')) {
          records.push({
            topic: topics.movements,
            key: `${runId}-mv-${n}`,
            value: Buffer.from(text),
            headers: {},
          });
        } else {
          const reference = `IT${runId}M${n}`;
          const document = { ...(JSON.parse(text) as object), transportDocumentReference: reference };
          records.push({
            topic: topics.manifests,
            key: reference,
            value: Buffer.from(JSON.stringify(document)),
            headers: {},
          });
        }
      }
    }
    return records;
  }

  function expectedEvents(records: readonly PortRecord[]): CanonicalEvent[] {
    return records.flatMap(
      (record) => decodeRecord({ ...record, timestamp: new Date().toISOString() }, decodeOptions).events,
    );
  }

  async function produce(records: readonly PortRecord[]): Promise<void> {
    for (const topic of [topics.manifests, topics.movements]) {
      const messages: Message[] = records
        .filter((record) => record.topic === topic)
        .map((record) => ({ key: record.key, value: record.value, headers: record.headers }));
      // The corpus holds records of about 1 MiB; several would not fit one record batch.
      await sendSizeBounded(producer, topic, messages);
    }
  }

  /** Every record produced so far has been processed: the group's commits reach the end of both topics. */
  async function ingestCaughtUp(): Promise<boolean> {
    for (const topic of [topics.manifests, topics.movements]) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      for (const end of ends) {
        const done =
          committed?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
        if (end.high !== '0' && done !== end.high) {
          return false;
        }
      }
    }
    return true;
  }

  /** Waits for ingest, then for the collector to have read everything the canonical topic holds. */
  async function settledCanonicalEvents(): Promise<CanonicalEvent[]> {
    await pollUntil(ingestCaughtUp, (done) => done, { timeoutMs: 45_000, description: 'ingest caught up' });
    const total = (await admin.fetchTopicOffsets(topics.canonical)).reduce(
      (sum, end) => sum + Number(end.high),
      0,
    );
    await pollUntil(
      () => canonical.messages.length,
      (count) => count === total,
      { description: `${total} canonical events read` },
    );
    return canonical.json<CanonicalEvent>();
  }

  beforeAll(async () => {
    Object.assign(process.env, {
      KAFKA_BROKERS: settings.brokers.join(','),
      DATABASE_URL: settings.databaseUrl,
      KAFKA_TOPIC_PARTITIONS: '3',
      INGEST_MANIFESTS_TOPIC: topics.manifests,
      INGEST_MOVEMENTS_TOPIC: topics.movements,
      INGEST_OUTPUT_TOPIC: topics.canonical,
      INGEST_DEAD_LETTER_TOPIC: topics.deadLetter,
      INGEST_CONSUMER_GROUP: groupId,
      INGEST_CHUNK_SIZE: '40',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    });
    const moduleRef = await Test.createTestingModule({ imports: [IngestModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    canonical = await new TopicCollector(kafka, topics.canonical).start();
    deadLetters = await new TopicCollector(kafka, topics.deadLetter).start();
  });

  afterAll(async () => {
    await app?.close();
    await canonical?.stop();
    await deadLetters?.stop();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
    await admin?.disconnect();
    process.env = savedEnvironment;
  });

  it('dead-letters every malformed record with its reason and bytes, publishes every valid one, and drops only exact resends', async () => {
    const valid = validRecords();
    const malformed = generateMalformedRecords(240, 11).map((entry, n) => ({
      entry,
      record: {
        topic: entry.record.topic === 'port.manifests.v1' ? topics.manifests : topics.movements,
        key: `${runId}-bad-${n}`,
        value: entry.record.value,
        headers: Object.fromEntries(
          Object.entries(entry.record.headers ?? {}).map(([name, value]) => [name, String(value)]),
        ),
      },
    }));
    expect(new Set(malformed.map(({ entry }) => entry.expectedCode)).size).toBeGreaterThanOrEqual(12);
    const goodEvent = (id: string): Record<string, unknown> => ({
      eventID: id,
      eventDateTime: '2026-03-04T10:00:00Z',
      eventRouting: { originatingParty: { partyCode: 'HPH' } },
      eventClassification: {
        eventTypeCode: 'EQUIPMENT',
        eventClassifierCode: 'ACT',
        equipmentEventTypeCode: 'DISC',
      },
      equipmentDetails: { equipmentReference: 'MSKU2666542' },
    });
    const pushBody: PortRecord = {
      topic: topics.movements,
      key: `${runId}-push`,
      value: Buffer.from(
        JSON.stringify({
          events: [
            goodEvent(`${runId}-push-ok`),
            { ...goodEvent(`${runId}-push-bad`), eventDateTime: 'never' },
          ],
        }),
      ),
      headers: {},
    };
    // Valid records spread among the malformed ones.
    const phaseOne: PortRecord[] = [];
    malformed.forEach(({ record }, n) => {
      phaseOne.push(record);
      const good = valid[n % 8 === 0 ? n / 8 : -1];
      if (good) {
        phaseOne.push(good);
      }
    });
    phaseOne.push(...valid.slice(Math.ceil(malformed.length / 8)), pushBody);
    await produce(phaseOne);

    const published = await settledCanonicalEvents();
    const expected = [...expectedEvents(valid), ...expectedEvents([pushBody])];
    expect(expected.length).toBeGreaterThanOrEqual(30);
    expect(published.map(identity).sort()).toEqual(expected.map(identity).sort());
    const manifestMessages = canonical.messages.filter(
      (message) => message.headers?.['chokepoint-event-kind']?.toString() === 'MANIFEST',
    );
    expect(manifestMessages.length).toBe(6);
    for (const message of manifestMessages) {
      const event = JSON.parse(message.value?.toString() ?? '') as CanonicalEvent;
      expect(event.kind === 'MANIFEST' && message.key?.toString()).toBe(
        event.kind === 'MANIFEST' && event.transportDocumentReference,
      );
      expect(message.headers?.['chokepoint-schema-version']?.toString()).toBe('1');
    }

    const rejections = await pollUntil(
      () => deadLetters.json<RejectionRecord>(),
      (found) => found.length >= malformed.length + 1,
      { description: 'every malformed record dead-lettered' },
    );
    expect(rejections).toHaveLength(malformed.length + 1);
    const byKey = new Map(rejections.map((rejection) => [rejection.key, rejection]));
    for (const { entry, record } of malformed) {
      const rejection = byKey.get(record.key);
      expect({
        key: record.key,
        description: entry.description,
        codes: rejection?.errors.map((error) => error.code),
      }).toEqual(expect.objectContaining({ codes: expect.arrayContaining([entry.expectedCode]) as unknown }));
      expect(rejection?.sourceTopic).toBe(record.topic);
      if (rejection?.valueTruncated === true) {
        // Over the dead-letter budget (the oversize records): a prefix, the size and the hash of the whole.
        const kept = Buffer.from(rejection.value ?? '', 'base64');
        expect(kept.equals(record.value?.subarray(0, kept.length) ?? Buffer.alloc(1))).toBe(true);
        expect(rejection.originalSizeBytes).toBe(record.value?.length);
        expect(rejection.valueSha256).toBe(
          createHash('sha256')
            .update(record.value ?? '')
            .digest('hex'),
        );
        expect(rejection.errors.map((error) => error.code)).toContain('record.truncated_in_dlq');
      } else {
        expect(rejection?.value).toBe(record.value === null ? null : record.value.toString('base64'));
      }
    }
    const partial = byKey.get(pushBody.key);
    expect(new Set(partial?.errors.map((error) => `${error.path} ${error.code}`))).toEqual(
      new Set(['events[1].eventDateTime field.format']),
    );
    expect(partial?.value).toBe(pushBody.value?.toString('base64'));

    // A resend of everything, then an update, a retraction and an amendment behind it.
    const equipmentEvent = valid.find((record) =>
      record.value?.toString().includes(`"${runId}-evt-equip-001`),
    );
    const manifest = valid.find((record) => record.topic === topics.manifests);
    if (!equipmentEvent?.value || !manifest?.value) {
      throw new Error('golden inputs changed: no TNT 3.0 equipment event or no manifest');
    }
    const [pushed] = (
      JSON.parse(equipmentEvent.value.toString()) as { events: Array<Record<string, unknown>> }
    ).events;
    const variant = (changes: Record<string, unknown>): PortRecord => ({
      ...equipmentEvent,
      value: Buffer.from(JSON.stringify({ ...pushed, ...changes })),
    });
    const document = JSON.parse(manifest.value.toString()) as {
      documentParties: { consignee?: { partyName: string } };
    };
    const amendment: PortRecord = {
      ...manifest,
      value: Buffer.from(
        JSON.stringify({
          ...document,
          documentParties: { ...document.documentParties, consignee: { partyName: 'Amended Consignee LLC' } },
        }),
      ),
    };
    const changes = [
      variant({ eventUpdatedDateTime: '2026-01-21T09:00:00Z' }),
      variant({ isRetracted: true }),
      amendment,
    ];
    await produce([...valid, pushBody, ...changes]);

    const afterResend = await settledCanonicalEvents();
    expect(afterResend.slice(published.length).map(identity).sort()).toEqual(
      expectedEvents(changes).map(identity).sort(),
    );
    expect(
      afterResend.slice(published.length).map((event) => event.kind === 'MOVEMENT' && event.action),
    ).toEqual(expect.arrayContaining(['RETRACT', 'UPSERT']));
    const duplicates =
      (await app.get(Registry).getSingleMetric('chokepoint_ingest_duplicates_dropped_total')?.get())
        ?.values ?? [];
    expect(duplicates.reduce((sum, value) => sum + value.value, 0)).toBe(expected.length);
  });
});
