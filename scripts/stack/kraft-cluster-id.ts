import { randomBytes } from 'node:crypto';

/**
 * A KRaft cluster id: a 16-byte UUID in URL-safe base64 without padding, never starting with '-'.
 * kafka-storage's argument parser takes `-t -abc…` for a flag and fails ("--cluster-id expected one
 * argument"); one id in 64 starts so, and a fresh-clone CI run met one on 2026-11-29. Kafka's own
 * Uuid.randomUuid() draws again for the same reason.
 */
export function kraftClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) {
      return id;
    }
  }
}
