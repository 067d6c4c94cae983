import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { stackSettings } from '@chokepoint/config';
import { Topics } from '@chokepoint/contracts';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { pollUntil, TopicCollector } from '@chokepoint/testing';
import { generatePortDay } from '../../apps/cli/src/simulate/port-day.generator';
import { produceToKafka } from '../../apps/cli/src/simulate/record.sinks';
import { loadSimulationCatalogue } from '../../apps/cli/src/simulate/simulation-catalogue.loader';

/**
 * `chokepoint simulate --kafka` on the real broker: every record lands on its topic with its key,
 * headers and simulated timestamp, in order per key, and what arrives still decodes.
 */
describe('simulate into Kafka', () => {
  const settings = stackSettings();
  const kafka = new Kafka({ clientId: 'it-simulate', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const runId = randomUUID().slice(0, 8);
  const topics = { manifests: `it.simulate.manifests.${runId}`, movements: `it.simulate.movements.${runId}` };
  const collectors: TopicCollector[] = [];

  afterAll(async () => {
    await Promise.all(collectors.map((c) => c.stop()));
  });

  it('produces a paced simulated day that arrives complete, ordered per key and decodable', async () => {
    const catalogue = await loadSimulationCatalogue();
    const day = generatePortDay(
      {
        seed: 3,
        startMs: Date.parse('2026-03-04T00:00:00Z'),
        durationHours: 24,
        consignments: 40,
        riskRate: 0.25,
      },
      catalogue,
    );
    await produceToKafka(day.records, { brokers: settings.brokers, rate: 2000, partitions: 3, topics });

    const manifests = await new TopicCollector(kafka, topics.manifests).start();
    const movements = await new TopicCollector(kafka, topics.movements).start();
    collectors.push(manifests, movements);
    const expectedManifests = day.records.filter((r) => r.topic === Topics.portManifests);
    const expectedMovements = day.records.filter((r) => r.topic === Topics.portMovements);
    await pollUntil(
      () => [manifests.messages.length, movements.messages.length],
      ([m, v]) => m === expectedManifests.length && v === expectedMovements.length,
      { timeoutMs: 60_000, description: 'all simulated records consumed' },
    );

    // Kafka orders per partition, so per topic and key: that is the order the simulated clock must keep.
    const received = [...manifests.messages, ...movements.messages];
    const byKey = new Map<string, string[]>();
    const add = (key: string, value: string): void => {
      byKey.set(key, [...(byKey.get(key) ?? []), value]);
    };
    manifests.messages.forEach((m) => add(`M ${m.key?.toString() ?? ''}`, m.value?.toString() ?? ''));
    movements.messages.forEach((m) => add(`T ${m.key?.toString() ?? ''}`, m.value?.toString() ?? ''));
    const sent = new Map<string, string[]>();
    for (const record of day.records) {
      const key = `${record.topic === Topics.portManifests ? 'M' : 'T'} ${record.key}`;
      sent.set(key, [...(sent.get(key) ?? []), JSON.stringify(record.value)]);
    }
    expect(byKey).toEqual(sent);

    // Record timestamps carry the simulated clock (a manifest's event time is its record timestamp).
    const stamped = (key: string | undefined, timestamp: string): string => `${key ?? ''}@${timestamp}`;
    expect(manifests.messages.map((m) => stamped(m.key?.toString(), m.timestamp)).sort()).toEqual(
      expectedManifests.map((r) => stamped(r.key, String(Date.parse(r.timestamp)))).sort(),
    );
    expect(new Set(manifests.messages.map((m) => m.headers?.['content-type']?.toString()))).toEqual(
      new Set(['application/vnd.dcsa.ebl+json;version=3.0.0']),
    );
    const rejected = received.filter(
      (message, index) =>
        decodeRecord({
          topic: index < manifests.messages.length ? Topics.portManifests : Topics.portMovements,
          key: message.key,
          value: message.value,
          headers: message.headers,
          timestamp: message.timestamp,
        }).rejections.length > 0,
    );
    expect(rejected).toEqual([]);
  });
});
