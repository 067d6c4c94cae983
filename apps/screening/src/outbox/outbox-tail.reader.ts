import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

export const OUTBOX_HEADERS = {
  id: 'chokepoint-outbox-id',
  origin: 'chokepoint-outbox-origin',
} as const;

export interface TailQuery {
  topic: string;
  origin: string;
  /** Outbox ids whose fate is unknown. */
  ids: ReadonlySet<string>;
  /** Messages read back from the end of each partition. */
  window: number;
  timeoutMs: number;
}

/**
 * Reads the last messages of every partition of a topic and returns which of the given outbox ids
 * are there: what a relay that crashed (or failed) mid-send managed to publish.
 */
export class OutboxTailReader {
  constructor(private readonly kafka: Kafka) {}

  async findPublished(query: TailQuery): Promise<Set<string>> {
    const found = new Set<string>();
    const admin = this.kafka.admin();
    await admin.connect();
    let offsets: { partition: number; low: string; high: string }[];
    try {
      offsets = await admin.fetchTopicOffsets(query.topic);
    } finally {
      await admin.disconnect();
    }
    const targets = new Map<number, { start: bigint; last: bigint }>();
    for (const { partition, low, high } of offsets) {
      const highOffset = BigInt(high);
      const lowOffset = BigInt(low);
      if (highOffset > lowOffset) {
        const start =
          highOffset - BigInt(query.window) > lowOffset ? highOffset - BigInt(query.window) : lowOffset;
        targets.set(partition, { start, last: highOffset - 1n });
      }
    }
    if (targets.size === 0) {
      return found;
    }
    const consumer = this.kafka.consumer({
      groupId: `chokepoint-screening-outbox-check-${randomUUID()}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    const remaining = new Set(targets.keys());
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: query.topic, fromBeginning: false });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const target = targets.get(batch.partition);
          for (const message of batch.messages) {
            const origin = message.headers?.[OUTBOX_HEADERS.origin]?.toString();
            const id = message.headers?.[OUTBOX_HEADERS.id]?.toString();
            if (origin === query.origin && id !== undefined && query.ids.has(id)) {
              found.add(id);
            }
            if (target && BigInt(message.offset) >= target.last) {
              remaining.delete(batch.partition);
            }
          }
          if (remaining.size === 0) {
            finish();
          }
          return Promise.resolve();
        },
      });
      for (const [partition, { start }] of targets) {
        consumer.seek({ topic: query.topic, partition, offset: start.toString() });
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`reading the tail of ${query.topic} took over ${query.timeoutMs} ms`)),
          query.timeoutMs,
        );
      });
      try {
        await Promise.race([finished, timedOut]);
      } finally {
        clearTimeout(timer);
      }
      return found;
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
  }
}
