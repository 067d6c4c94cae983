import { statSync } from 'node:fs';
import { isAlive, readPid } from '../stack/process-control';
import { stackPaths } from '../stack/stack-paths';

/**
 * How long a broker the stack just started stays slow: its JVM compiles Kafka's hot paths over the first
 * minutes. A bench run right after `stack:up` on 2026-11-29 gave decision latencies ten times those of a
 * run two minutes later.
 */
export const BROKER_WARM_UP_SECONDS = 180;

/** Seconds since the stack started its broker (from the pid file it writes then); undefined for a broker it did not start. */
export function brokerUptimeSeconds(now: number = Date.now()): number | undefined {
  const pid = readPid(stackPaths.kafkaPid);
  if (pid === undefined || !isAlive(pid)) {
    return undefined;
  }
  return Math.max(0, Math.round((now - statSync(stackPaths.kafkaPid).mtimeMs) / 1000));
}

/** A line for the bench's output when the broker is younger than BROKER_WARM_UP_SECONDS. */
export function brokerWarmUpNote(uptimeSeconds: number | undefined): string | undefined {
  if (uptimeSeconds === undefined || uptimeSeconds >= BROKER_WARM_UP_SECONDS) {
    return undefined;
  }
  return (
    `note: the broker started ${uptimeSeconds} s ago and its JVM is still warming up; figures from its first ` +
    `${BROKER_WARM_UP_SECONDS / 60} minutes understate the pipeline (run again to compare)`
  );
}
