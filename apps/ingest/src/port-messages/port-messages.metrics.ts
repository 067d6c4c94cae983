import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import type { CanonicalEvent } from '@chokepoint/contracts';

type RecordOutcomeKind = 'done' | 'rejected' | 'partial';

/**
 * The steps of a chunk, in order: decode (decode, validate, fingerprint and serialise its records),
 * lookup (the seen events of its keys), publish (its canonical events, until the broker acknowledged
 * them) and remember (its fingerprints: what their write, which runs beside publishing, adds after it,
 * with the commit). Where a chunk's time goes: the CPU of decode, or the round trips of the others.
 */
export type ChunkStep = 'decode' | 'lookup' | 'publish' | 'remember';

/** Prometheus series of the ingest pipeline, on the application's registry. */
@Injectable()
export class PortMessagesMetrics {
  private readonly recordsConsumed: Counter<'topic'>;
  private readonly recordOutcomes: Counter<'topic' | 'outcome'>;
  private readonly eventsProduced: Counter<'kind'>;
  private readonly rejections: Counter<'code'>;
  private readonly duplicatesDropped: Counter<'kind'>;
  private readonly chunkDuration: Histogram<'topic'>;
  private readonly chunkSteps: Histogram<'step'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.recordsConsumed = new Counter({
      name: 'chokepoint_ingest_records_consumed_total',
      help: 'Port records consumed, by source topic.',
      labelNames: ['topic'],
      registers,
    });
    this.recordOutcomes = new Counter({
      name: 'chokepoint_ingest_record_outcomes_total',
      help: 'Port records by outcome: done, rejected (dead-lettered) or partial (some events dead-lettered).',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    this.eventsProduced = new Counter({
      name: 'chokepoint_ingest_canonical_events_total',
      help: 'Canonical events published, by kind (MANIFEST, MOVEMENT).',
      labelNames: ['kind'],
      registers,
    });
    this.rejections = new Counter({
      name: 'chokepoint_ingest_rejections_total',
      help: 'Rejected records or push-body events, once per distinct reason code each.',
      labelNames: ['code'],
      registers,
    });
    this.duplicatesDropped = new Counter({
      name: 'chokepoint_ingest_duplicates_dropped_total',
      help: 'Events dropped because the same content was already forwarded (redelivery or resend).',
      labelNames: ['kind'],
      registers,
    });
    this.chunkDuration = new Histogram({
      name: 'chokepoint_ingest_chunk_duration_seconds',
      help: 'Time to decode, deduplicate and publish one chunk of records.',
      labelNames: ['topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.chunkSteps = new Histogram({
      name: 'chokepoint_ingest_chunk_step_seconds',
      help: 'Time of each step of a chunk: decode, lookup (seen events), publish (until acked), remember (after publish).',
      labelNames: ['step'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
  }

  startChunk(topic: string): () => void {
    return this.chunkDuration.startTimer({ topic });
  }

  startStep(step: ChunkStep): () => void {
    return this.chunkSteps.startTimer({ step });
  }

  consumed(topic: string, count: number): void {
    this.recordsConsumed.inc({ topic }, count);
  }

  outcome(topic: string, outcome: RecordOutcomeKind): void {
    this.recordOutcomes.inc({ topic, outcome });
  }

  produced(events: readonly Pick<CanonicalEvent, 'kind'>[]): void {
    for (const [kind, count] of countByKind(events)) {
      this.eventsProduced.inc({ kind }, count);
    }
  }

  rejected(codes: Iterable<string>): void {
    for (const code of codes) {
      this.rejections.inc({ code });
    }
  }

  duplicates(events: readonly Pick<CanonicalEvent, 'kind'>[]): void {
    for (const [kind, count] of countByKind(events)) {
      this.duplicatesDropped.inc({ kind }, count);
    }
  }
}

function countByKind(events: readonly Pick<CanonicalEvent, 'kind'>[]): Map<CanonicalEvent['kind'], number> {
  const counts = new Map<CanonicalEvent['kind'], number>();
  for (const event of events) {
    counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  }
  return counts;
}
