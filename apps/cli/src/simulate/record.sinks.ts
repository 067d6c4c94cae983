import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@chokepoint/contracts';
import { createIdempotentProducer, createKafka, ensureTopics } from '@chokepoint/kafka';
import type { Message } from 'kafkajs';
import type { SimulatedRecord } from './port-day.generator';
import { SimulationError, SIMULATION_ERROR_CODES } from './simulation.exception';

const BATCH_SIZE = 500;

/** One NDJSON line per record, exactly what `chokepoint replay --input` reads. */
export function ndjsonLine(record: SimulatedRecord): string {
  return `${JSON.stringify({
    topic: record.topic,
    key: record.key,
    headers: record.headers,
    timestamp: record.timestamp,
    value: record.value,
  })}\n`;
}

/** Writes lines to a stream, waiting for it to drain so large days do not pile up in memory. */
export async function writeLines(
  stream: NodeJS.WritableStream,
  lines: Iterable<string>,
  onLine?: (written: number) => void,
): Promise<void> {
  let written = 0;
  for (const line of lines) {
    if (!stream.write(line)) {
      await once(stream, 'drain');
    }
    written += 1;
    onLine?.(written);
  }
}

export async function writeFileLines(
  path: string,
  lines: Iterable<string>,
  onLine?: (written: number) => void,
): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  try {
    await Promise.race([
      writeLines(stream, lines, onLine),
      once(stream, 'error').then(([error]) => Promise.reject(error as Error)),
    ]);
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    throw new SimulationError(
      SIMULATION_ERROR_CODES.outputFailed,
      `cannot write ${path}: ${(error as Error).message}`,
    );
  }
}

export interface KafkaSinkOptions {
  brokers: string[];
  /** Records per second; 0 sends as fast as the broker takes them. */
  rate: number;
  partitions: number;
  /** Other topic names than the pinned ones (tests use their own). */
  topics?: { manifests: string; movements: string };
  onProgress?: (sent: number) => void;
}

/** The Kafka record `simulate --kafka` sends: the simulated time is the record timestamp ingest reads. */
export function toMessage(record: SimulatedRecord): Message {
  return {
    key: record.key,
    value: JSON.stringify(record.value),
    headers: record.headers,
    timestamp: String(Date.parse(record.timestamp)),
  };
}

/**
 * Produces the records in order with an idempotent producer. With a rate, the simulated day is
 * compressed: record i leaves at start + i / rate (wall clock), record timestamps stay simulated.
 */
export async function produceToKafka(
  records: readonly SimulatedRecord[],
  options: KafkaSinkOptions,
): Promise<void> {
  const kafka = createKafka({
    clientId: 'chokepoint-simulate',
    brokers: options.brokers,
    topicPartitions: options.partitions,
  });
  const admin = kafka.admin();
  const producer = createIdempotentProducer(kafka);
  try {
    await admin.connect();
    const topics = options.topics ?? { manifests: Topics.portManifests, movements: Topics.portMovements };
    const topicOf = (record: SimulatedRecord): string =>
      record.topic === Topics.portManifests ? topics.manifests : topics.movements;
    await ensureTopics(admin, [topics.manifests, topics.movements], options.partitions);
    await producer.connect();
    const started = Date.now();
    let sent = 0;
    while (sent < records.length) {
      let size = BATCH_SIZE;
      if (options.rate > 0) {
        const due = Math.floor(((Date.now() - started) / 1000) * options.rate) + 1;
        size = Math.min(BATCH_SIZE, due - sent);
        if (size <= 0) {
          await sleep(Math.max(1, Math.ceil(((sent + 1) / options.rate) * 1000 - (Date.now() - started))));
          continue;
        }
      }
      const batch = records.slice(sent, sent + size);
      const byTopic = new Map<string, Message[]>();
      for (const record of batch) {
        const topic = topicOf(record);
        const list = byTopic.get(topic) ?? [];
        list.push(toMessage(record));
        byTopic.set(topic, list);
      }
      await producer.sendBatch({
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      sent += batch.length;
      options.onProgress?.(sent);
    }
  } catch (error) {
    if (error instanceof SimulationError) {
      throw error;
    }
    throw new SimulationError(
      SIMULATION_ERROR_CODES.outputFailed,
      `producing to Kafka at ${options.brokers.join(',')} failed: ${(error as Error).message}`,
    );
  } finally {
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
