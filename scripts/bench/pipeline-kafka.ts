import type { Admin, Consumer, Message } from 'kafkajs';
import { KAFKA_FETCH_DEFAULTS } from '@chokepoint/config';
import type { DecisionEvent } from '@chokepoint/contracts';
import { createIdempotentProducer, ensureTopics, sendSizeBounded } from '@chokepoint/kafka';
import { type BenchContext, log, sleep } from './pipeline-context';

/** A message and the topic it goes to. */
export interface TopicMessage {
  topic: string;
  message: Message;
}

export async function withAdmin<T>(ctx: BenchContext, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

export async function createTopics(ctx: BenchContext, names: readonly string[]): Promise<void> {
  names.forEach((name) => ctx.topics.add(name));
  await withAdmin(ctx, (admin) => ensureTopics(admin, names, ctx.partitions));
}

/** This run's topics and consumer groups (its services and consumers are stopped by then). */
export async function deleteTopicsAndGroups(ctx: BenchContext): Promise<void> {
  const topics = [...ctx.topics];
  const groups = [...ctx.groups];
  ctx.topics.clear();
  ctx.groups.clear();
  await withAdmin(ctx, async (admin) => {
    // A group that never committed (the passthrough's) is gone once its members left.
    const existing = new Set((await admin.listGroups()).groups.map((group) => group.groupId));
    const left = groups.filter((group) => existing.has(group));
    if (left.length > 0) {
      await admin.deleteGroups(left).catch((error: unknown) => log(`groups not deleted: ${String(error)}`));
    }
    if (topics.length > 0) {
      await admin
        .deleteTopics({ topics })
        .catch((error: unknown) => log(`topics not deleted: ${String(error)}`));
    }
  });
}

/** Records written to a topic of this run's (its offsets start at 0 and no transaction markers take any). */
export async function endOffsetTotal(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
}

/** Records a group has committed past on topics of this run's. */
export async function committedTotal(admin: Admin, groupId: string, topics: string[]): Promise<number> {
  const offsets = await admin.fetchOffsets({ groupId, topics });
  return offsets
    .flatMap((topic) => topic.partitions)
    .reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
}

export async function produceAll(ctx: BenchContext, items: readonly TopicMessage[]): Promise<void> {
  const producer = createIdempotentProducer(ctx.kafka);
  await producer.connect();
  try {
    for (const topic of new Set(items.map((item) => item.topic))) {
      const messages = items.filter((item) => item.topic === topic).map((item) => item.message);
      for (let start = 0; start < messages.length; start += 2_000) {
        await sendSizeBounded(producer, topic, messages.slice(start, start + 2_000));
      }
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * Consume-and-produce with nothing in between, the same chunking and producer settings as the services:
 * the ceiling the pipeline is measured against. Records per second from its first batch to its last.
 */
export async function passthrough(
  ctx: BenchContext,
  inputs: readonly string[],
  output: string,
  count: number,
): Promise<number> {
  const producer = createIdempotentProducer(ctx.kafka);
  await producer.connect();
  const groupId = `bench-passthrough-${ctx.run}-${output}`;
  ctx.groups.add(groupId);
  // The services' consumer settings: same batch sizes per partition, same fetch sizing.
  const consumer = ctx.kafka.consumer({
    groupId,
    maxBytesPerPartition: 2 * 1024 * 1024,
    minBytes: KAFKA_FETCH_DEFAULTS.minBytes,
    maxWaitTimeInMs: KAFKA_FETCH_DEFAULTS.maxWaitMs,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...inputs], fromBeginning: true });
    let seen = 0;
    let started = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async (payload) => {
        const { batch } = payload;
        started ||= Date.now();
        for (let index = 0; index < batch.messages.length; index += ctx.chunk) {
          const slice = batch.messages.slice(index, index + ctx.chunk);
          await sendSizeBounded(
            producer,
            output,
            slice.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
          );
          const last = slice[slice.length - 1];
          if (last) {
            payload.resolveOffset(last.offset);
          }
          await payload.commitOffsetsIfNecessary();
          seen += slice.length;
        }
        if (seen >= count) {
          finish();
        }
      },
    });
    await finished;
    return count / ((Date.now() - started) / 1000);
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}

/**
 * Sends the messages at `rate` per second in 10 ms ticks without waiting for each send, like many port
 * systems producing at once; `onSend(start, end, at)` is told which messages leave when, before they do.
 */
export async function produceAtRate(
  ctx: BenchContext,
  items: readonly TopicMessage[],
  rate: number,
  onSend: (start: number, end: number, at: number) => void,
): Promise<void> {
  const producer = createIdempotentProducer(ctx.kafka);
  await producer.connect();
  try {
    const tick = 10;
    const perTick = Math.max(1, Math.round((rate * tick) / 1000));
    const sends: Promise<unknown>[] = [];
    const started = Date.now();
    for (let sent = 0; sent < items.length;) {
      const slice = items.slice(sent, sent + perTick);
      const byTopic = new Map<string, Message[]>();
      for (const { topic, message } of slice) {
        const messages = byTopic.get(topic) ?? [];
        messages.push(message);
        byTopic.set(topic, messages);
      }
      onSend(sent, sent + slice.length, Date.now());
      sends.push(
        producer
          .sendBatch({ topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) })
          .catch((error: unknown) => log(`send failed: ${String(error)}`)),
      );
      sent += slice.length;
      await sleep(Math.max(0, started + (sent / rate) * 1000 - Date.now()));
    }
    await Promise.all(sends);
  } finally {
    await producer.disconnect();
  }
}

/** Reads a topic of JSON records from its start, telling `onRecord` when each arrived; resolves once joined. */
export async function listenForJson<T>(
  ctx: BenchContext,
  topic: string,
  onRecord: (value: T, arrivedAt: number) => void,
): Promise<Consumer> {
  const groupId = `bench-latency-${ctx.run}-${topic}`;
  ctx.groups.add(groupId);
  const consumer = ctx.kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const arrivedAt = Date.now();
      onRecord(JSON.parse(message.value?.toString('utf8') ?? '{}') as T, arrivedAt);
      return Promise.resolve();
    },
  });
  await Promise.race([joined, sleep(15_000)]);
  return consumer;
}

/** Reads the decisions topic from its start, telling `onDecision` when each arrived; resolves once joined. */
export function listenForDecisions(
  ctx: BenchContext,
  topic: string,
  onDecision: (decision: DecisionEvent, arrivedAt: number) => void,
): Promise<Consumer> {
  return listenForJson<DecisionEvent>(ctx, topic, onDecision);
}
