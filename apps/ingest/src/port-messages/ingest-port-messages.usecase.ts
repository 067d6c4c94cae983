import { Injectable, Logger } from '@nestjs/common';
import type { RejectionError } from '@chokepoint/contracts';
import type { RecordRejection } from '@chokepoint/ingest-decoding';
import type { InboundRecord, RecordOutcome } from '@chokepoint/kafka';
import type { CanonicalMessage } from './canonical-message';
import { CanonicalEventPublisher } from './canonical-event.publisher';
import { PortMessagesErrorCode, PortMessagesException } from './port-messages.exception';
import { type ChunkStep, PortMessagesMetrics } from './port-messages.metrics';
import type { PreparedEvent, PreparedRecord } from './record-preparation';
import { RecordPreparer } from './record-preparer';
import { filterRedeliveries, type RedeliveryVerdict } from './redelivery-filter';
import { type SeenEventFingerprint, type SeenEventKey, SeenEventStore } from './seen-event.store';

/** A record whose events all decoded is done; none decoded, rejected; some, partial (both published and dead-lettered). */
export function toRecordOutcome(result: {
  events: readonly unknown[];
  rejections: readonly RecordRejection[];
}): RecordOutcome {
  if (result.rejections.length === 0) {
    return { kind: 'done' };
  }
  const errors: RejectionError[] = result.rejections.flatMap((rejection) => rejection.errors);
  return result.events.length === 0 ? { kind: 'rejected', errors } : { kind: 'partial', errors };
}

function distinctKeys(events: readonly PreparedEvent[]): SeenEventKey[] {
  const keys = new Map<string, SeenEventKey>();
  for (const event of events) {
    keys.set(event.keyText, event.key);
  }
  return [...keys.values()];
}

/**
 * One chunk of port records (from one partition, in order): decode and validate each, drop what was
 * already forwarded, publish the rest as canonical events in one send, remember what was published,
 * and say per record whether it is done, rejected or partly rejected. Throws (and the chunk is retried)
 * when the broker or the database fails: what is remembered is committed only after publishing, so a
 * crash in between republishes rather than loses.
 */
@Injectable()
export class IngestPortMessagesUseCase {
  private readonly logger = new Logger('PortMessages');

  constructor(
    private readonly preparer: RecordPreparer,
    private readonly seenEvents: SeenEventStore,
    private readonly publisher: CanonicalEventPublisher,
    private readonly metrics: PortMessagesMetrics,
  ) {}

  async execute(records: readonly InboundRecord[]): Promise<RecordOutcome[]> {
    const first = records[0];
    if (first === undefined) {
      return [];
    }
    const stopTimer = this.metrics.startChunk(first.topic);
    const prepared = await this.step('decode', () => this.prepare(records));
    const candidates = prepared.flatMap((record) => record.events);
    const known =
      candidates.length > 0 ? await this.step('lookup', () => this.findLatest(distinctKeys(candidates))) : [];
    const verdict = filterRedeliveries(candidates, known);
    if (verdict.latest.length > 0) {
      await this.publishAndRemember(verdict);
    }
    stopTimer();

    const outcomes = prepared.map(toRecordOutcome);
    this.report(records, prepared, outcomes, verdict.forward, verdict.duplicates);
    return outcomes;
  }

  /** One step of a chunk, timed (only when it completes: a failed chunk is retried whole). */
  private async step<T>(step: ChunkStep, work: () => Promise<T>): Promise<T> {
    const stop = this.metrics.startStep(step);
    const result = await work();
    stop();
    return result;
  }

  private async prepare(records: readonly InboundRecord[]): Promise<PreparedRecord[]> {
    try {
      return await this.preparer.prepare(records);
    } catch (error) {
      throw new PortMessagesException(
        PortMessagesErrorCode.PreparationFailed,
        `cannot decode ${records.length} records: ${String(error)}`,
        { cause: error },
      );
    }
  }

  private async findLatest(keys: readonly SeenEventKey[]): Promise<SeenEventFingerprint[]> {
    try {
      return await this.seenEvents.findLatest(keys);
    } catch (error) {
      throw new PortMessagesException(
        PortMessagesErrorCode.SeenEventStoreFailed,
        `cannot read seen events: ${String(error)}`,
        { cause: error },
      );
    }
  }

  /**
   * Publishes what goes on and remembers the chunk's fingerprints, the write running beside the
   * publishing and kept only once the broker acknowledged (SeenEventStore.rememberAlongside). The
   * remember step is what remembering adds after publishing: the rest of its write, and the commit.
   * A chunk of redeliveries only has nothing to publish, and so no transaction to hold open.
   */
  private async publishAndRemember(verdict: RedeliveryVerdict<PreparedEvent>): Promise<void> {
    if (verdict.forward.length === 0) {
      await this.step('remember', () => this.remember(() => this.seenEvents.remember(verdict.latest)));
      return;
    }
    let stopRemember: (() => void) | undefined;
    const publish = async (): Promise<void> => {
      await this.step('publish', () => this.publish(verdict.forward.map((event) => event.message)));
      stopRemember = this.metrics.startStep('remember');
    };
    await this.remember(() => this.seenEvents.rememberAlongside(verdict.latest, publish));
    stopRemember?.();
  }

  /** A failure of the store as SeenEventStoreFailed; one of publishing (already classified) as it is. */
  private async remember(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof PortMessagesException) {
        throw error;
      }
      throw new PortMessagesException(
        PortMessagesErrorCode.SeenEventStoreFailed,
        `cannot record seen events: ${String(error)}`,
        { cause: error },
      );
    }
  }

  private async publish(messages: readonly CanonicalMessage[]): Promise<void> {
    try {
      await this.publisher.publish(messages);
    } catch (error) {
      throw new PortMessagesException(
        PortMessagesErrorCode.PublishFailed,
        `cannot publish ${messages.length} canonical events: ${String(error)}`,
        { cause: error },
      );
    }
  }

  /** Metrics, and one log line per chunk with rejections: counts and codes, never payloads. */
  private report(
    records: readonly InboundRecord[],
    results: readonly PreparedRecord[],
    outcomes: readonly RecordOutcome[],
    forwarded: readonly PreparedEvent[],
    duplicates: readonly PreparedEvent[],
  ): void {
    // A chunk may hold the records of several partitions of both topics (the consumer gathers them).
    const perTopic = new Map<string, number>();
    records.forEach((record) => perTopic.set(record.topic, (perTopic.get(record.topic) ?? 0) + 1));
    perTopic.forEach((count, topic) => this.metrics.consumed(topic, count));
    this.metrics.produced(forwarded);
    this.metrics.duplicates(duplicates);
    const codeCounts = new Map<string, number>();
    let rejected = 0;
    let partial = 0;
    outcomes.forEach((outcome, index) => {
      this.metrics.outcome(records[index]?.topic ?? '', outcome.kind);
      if (outcome.kind === 'done') {
        return;
      }
      if (outcome.kind === 'rejected') {
        rejected += 1;
      } else {
        partial += 1;
      }
      for (const rejection of results[index]?.rejections ?? []) {
        const codes = new Set(rejection.errors.map((error) => error.code));
        this.metrics.rejected(codes);
        for (const code of codes) {
          codeCounts.set(code, (codeCounts.get(code) ?? 0) + 1);
        }
      }
    });
    if (rejected + partial > 0) {
      const codes = [...codeCounts.entries()].map(([code, count]) => `${code}:${count}`).join(',');
      this.logger.warn(
        `records dead-lettered from=${describeSpans(records)} ` +
          `records=${records.length} rejected=${rejected} partial=${partial} codes=${codes}`,
      );
    }
  }
}

/** `topic[partition]@first-last` for each partition a chunk holds, in the order they came. */
function describeSpans(records: readonly InboundRecord[]): string {
  const spans = new Map<string, { first: string; last: string }>();
  for (const record of records) {
    const key = `${record.topic}[${record.partition}]`;
    const span = spans.get(key);
    if (span) {
      span.last = record.offset;
    } else {
      spans.set(key, { first: record.offset, last: record.offset });
    }
  }
  return [...spans].map(([key, { first, last }]) => `${key}@${first}-${last}`).join(',');
}
