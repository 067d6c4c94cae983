import type { Message, Producer } from 'kafkajs';

/**
 * Bytes one send may carry. Brokers default `message.max.bytes` to about 1 MB per record batch, and a
 * batch for one partition can hold every message of the send, so stay under it whatever the spread.
 */
export const DEFAULT_MAX_SEND_BYTES = 900 * 1024;

/** Per-record framing in a Kafka record batch (length, attributes, deltas, header counts). */
const RECORD_OVERHEAD_BYTES = 32;

function byteLength(value: Buffer | string | null | undefined): number {
  if (value === null || value === undefined) {
    return 0;
  }
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

export function messageSize(message: Message): number {
  let size = RECORD_OVERHEAD_BYTES + byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) {
      size += Buffer.byteLength(name) + byteLength(one);
    }
  }
  return size;
}

/**
 * Splits messages, in order, into groups whose estimated size stays under `maxBytes`. A message larger
 * than the limit travels alone: the broker decides whether it fits its own `message.max.bytes`.
 */
export function splitBySize(messages: readonly Message[], maxBytes: number): Message[][] {
  const groups: Message[][] = [];
  let current: Message[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const size = messageSize(message);
    if (current.length > 0 && currentBytes + size > maxBytes) {
      groups.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += size;
  }
  if (current.length > 0) {
    groups.push(current);
  }
  return groups;
}

/**
 * One producer send for the usual batch, several in order when the messages would not fit one record
 * batch: a chunk of large records must not fail as a whole and stall its partition.
 */
export async function sendSizeBounded(
  producer: Producer,
  topic: string,
  messages: readonly Message[],
  maxBytes: number = DEFAULT_MAX_SEND_BYTES,
): Promise<number> {
  const groups = splitBySize(messages, maxBytes);
  for (const group of groups) {
    await producer.send({ topic, messages: group, acks: -1 });
  }
  return groups.length;
}
