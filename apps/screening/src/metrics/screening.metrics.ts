import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { DecisionEvent } from '@chokepoint/contracts';
import {
  DATA_SOURCE,
  OutboxRepository,
  PendingMovementRepository,
  ScreeningTimerRepository,
  pooledExecutor,
  type SqlExecutor,
} from '@chokepoint/persistence';
import { Clock } from '../clock/clock';

export type ConsumedOutcome = 'applied' | 'duplicate' | 'rejected';

/** Prometheus series of the screening service, on the application's registry. */
@Injectable()
export class ScreeningMetrics {
  private readonly eventsConsumed: Counter<'kind' | 'outcome'>;
  private readonly decisions: Counter<'decision' | 'stage' | 'source'>;
  private readonly reasons: Counter<'rule_id' | 'outcome'>;
  private readonly eventLatency: Histogram<'kind'>;
  private readonly chunkDuration: Histogram;
  private readonly published: Counter;
  private readonly publishLatency: Histogram;
  private readonly timersFired: Counter<'rule_id'>;
  private readonly reloads: Counter<'what' | 'outcome'>;
  private readonly retries: Counter<'work'>;

  constructor(
    registry: Registry,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly timers: ScreeningTimerRepository,
    private readonly pending: PendingMovementRepository,
    private readonly clock: Clock,
  ) {
    const registers = [registry];
    this.eventsConsumed = new Counter({
      name: 'chokepoint_screening_events_consumed_total',
      help: 'Canonical events consumed, by kind and outcome (applied, duplicate redelivery skipped, rejected to the DLQ).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.decisions = new Counter({
      name: 'chokepoint_screening_decisions_total',
      help: 'Decisions issued, by outcome, stage and source.',
      labelNames: ['decision', 'stage', 'source'],
      registers,
    });
    this.reasons = new Counter({
      name: 'chokepoint_screening_decision_reasons_total',
      help: 'Reasons listed on issued decisions, by rule id and rule outcome (HOLD or FLAG).',
      labelNames: ['rule_id', 'outcome'],
      registers,
    });
    this.eventLatency = new Histogram({
      name: 'chokepoint_screening_event_latency_seconds',
      help: 'From the canonical record timestamp to the commit of its effects.',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.chunkDuration = new Histogram({
      name: 'chokepoint_screening_chunk_duration_seconds',
      help: 'Time to apply one chunk of canonical events in its transaction, commit included.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.published = new Counter({
      name: 'chokepoint_screening_outbox_published_total',
      help: 'Outbox messages acknowledged by Kafka and marked published.',
      registers,
    });
    this.publishLatency = new Histogram({
      name: 'chokepoint_screening_outbox_publish_latency_seconds',
      help: 'From the outbox row being written to Kafka acknowledging it.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.timersFired = new Counter({
      name: 'chokepoint_screening_timers_fired_total',
      help: 'Timers fired, by rule id.',
      labelNames: ['rule_id'],
      registers,
    });
    this.reloads = new Counter({
      name: 'chokepoint_screening_reloads_total',
      help: 'Rule pack and sanctions list reloads, by what and outcome (loaded, unchanged, refused).',
      labelNames: ['what', 'outcome'],
      registers,
    });
    this.retries = new Counter({
      name: 'chokepoint_screening_transaction_retries_total',
      help: 'Transactions run again after a deadlock, a conflicting concurrent writer or a concurrent join.',
      labelNames: ['work'],
      registers,
    });
    this.databaseGauge(
      registry,
      'chokepoint_screening_outbox_backlog',
      'Outbox messages not yet published.',
      (sql) => this.outbox.backlog(sql),
    );
    this.databaseGauge(
      registry,
      'chokepoint_screening_timers_due',
      'Timers due by the wall clock, not fired yet.',
      (sql) => this.timers.countDue(sql, this.clock.now()),
    );
    this.databaseGauge(
      registry,
      'chokepoint_screening_pending_movements',
      'Movements waiting for their manifest.',
      (sql) => this.pending.count(sql),
    );
  }

  consumed(kind: string, outcome: ConsumedOutcome, count = 1): void {
    this.eventsConsumed.inc({ kind, outcome }, count);
  }

  issued(decisions: readonly DecisionEvent[]): void {
    for (const decision of decisions) {
      this.decisions.inc({ decision: decision.decision, stage: decision.stage, source: decision.source });
      for (const reason of decision.reasons) {
        this.reasons.inc({ rule_id: reason.ruleId, outcome: reason.outcome });
      }
    }
  }

  committed(kind: string, recordTimestamp: string, committedAt: Date): void {
    const seconds = (committedAt.getTime() - Date.parse(recordTimestamp)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) {
      this.eventLatency.observe({ kind }, seconds);
    }
  }

  startChunk(): () => void {
    return this.chunkDuration.startTimer();
  }

  publishedMessages(createdAt: readonly Date[], ackedAt: Date): void {
    this.published.inc(createdAt.length);
    for (const created of createdAt) {
      this.publishLatency.observe(Math.max(0, (ackedAt.getTime() - created.getTime()) / 1000));
    }
  }

  timerFired(ruleId: string): void {
    this.timersFired.inc({ rule_id: ruleId });
  }

  reloaded(what: 'rule-pack' | 'sanctions', outcome: 'loaded' | 'unchanged' | 'refused'): void {
    this.reloads.inc({ what, outcome });
  }

  retried(work: string): void {
    this.retries.inc({ work });
  }

  /** A gauge read from PostgreSQL at scrape time. */
  private databaseGauge(
    registry: Registry,
    name: string,
    help: string,
    query: (sql: SqlExecutor) => Promise<number>,
  ): void {
    const sql = pooledExecutor(this.dataSource);
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect(this: Gauge): Promise<void> {
        try {
          this.set(await query(sql));
        } catch {
          // A scrape while the database is away reports NaN instead of failing the whole scrape.
          this.set(Number.NaN);
        }
      },
    });
  }
}
