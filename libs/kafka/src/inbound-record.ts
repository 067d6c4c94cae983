import type { IHeaders, KafkaMessage } from 'kafkajs';

/** A consumed record with its position, as handlers and the dead-letter topic need it. */
export interface InboundRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
  /** Broker or producer timestamp, ISO-8601. */
  timestamp: string;
}

function headerBuffers(headers: IHeaders | undefined): Record<string, Buffer> {
  const result: Record<string, Buffer> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) {
      continue;
    }
    // kafkajs gives repeated headers as an array; the last one wins, as in most HTTP-like readers.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) {
      result[name] = Buffer.isBuffer(last) ? last : Buffer.from(last);
    }
  }
  return result;
}

export function toInboundRecord(topic: string, partition: number, message: KafkaMessage): InboundRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ?? null,
    value: message.value ?? null,
    headers: headerBuffers(message.headers),
    timestamp: new Date(Number(message.timestamp)).toISOString(),
  };
}
