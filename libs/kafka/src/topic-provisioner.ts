import type { Admin } from 'kafkajs';

export interface EnsureTopicsRetry {
  /** Tries in all before the last error propagates. */
  attempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the topics a service relies on when they are missing; existing topics are left as they are.
 * A service starting while the broker restarts meets errors kafkajs does not retry itself (a metadata
 * response cut short surfaces as a TypeError); each try starts over from listing the topics, with
 * doubling pauses (about 15 s in all by default) before the error stops the start.
 */
export async function ensureTopics(
  admin: Admin,
  topics: readonly string[],
  partitions: number,
  retry: EnsureTopicsRetry = {},
): Promise<string[]> {
  const attempts = retry.attempts ?? 7;
  const sleep = retry.sleep ?? sleepFor;
  let delayMs = retry.initialDelayMs ?? 300;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createMissing(admin, topics, partitions);
    } catch (error) {
      if (attempt >= attempts) {
        throw error;
      }
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, retry.maxDelayMs ?? 5_000);
    }
  }
}

async function createMissing(admin: Admin, topics: readonly string[], partitions: number): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic));
  if (missing.length === 0) {
    return [];
  }
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
  });
  return missing;
}
