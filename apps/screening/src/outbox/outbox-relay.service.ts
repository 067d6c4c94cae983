import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka, Message, Producer } from 'kafkajs';
import { KAFKA, KAFKA_PRODUCER, sendSizeBounded } from '@chokepoint/kafka';
import { OUTBOX_CHANNEL, OutboxRepository, type PendingOutboxMessage } from '@chokepoint/persistence';
import { WakeableDelay } from '@chokepoint/service-runtime';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ScreeningMetrics } from '../metrics/screening.metrics';
import { OUTBOX_HEADERS, OutboxTailReader } from './outbox-tail.reader';
import { RelayConnection } from './relay-connection';

/** Row of outbox_relay_state and name of the advisory lock only the active relay holds. */
export const RELAY_NAME = 'screening';
const RELAY_LOCK = 'chokepoint.screening.outbox-relay';
/** Messages read back per partition, beyond the in-flight ones, when checking what a crash left. */
const TAIL_SLACK = 1_000;
const TAIL_TIMEOUT_MS = 30_000;
const ERROR_BACKOFF_MS = 1_000;

/**
 * Publishes outbox rows to Kafka in id order with the idempotent producer (acks from all in-sync
 * replicas), and deletes them only after Kafka acknowledged them. One instance relays at a time; the
 * others stand by and take over when its session ends. Before each send the batch's ids are noted as
 * in flight; a relay that finds such a note (its predecessor crashed mid-send, or its own send failed)
 * reads the end of the topic and deletes what already got there, so nothing is published twice.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly tail: OutboxTailReader;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly delay = new WakeableDelay();
  private notified = false;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly outbox: OutboxRepository,
    private readonly metrics: ScreeningMetrics,
    private readonly env: ScreeningEnvironment,
  ) {
    this.tail = new OutboxTailReader(kafka);
  }

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.delay.wake();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let connection: RelayConnection | undefined;
      try {
        connection = await RelayConnection.open(this.env.DATABASE_URL, 'chokepoint-screening-relay');
        connection.onLost(() => this.delay.wake());
        if (await this.becomeLeader(connection)) {
          await this.relay(connection);
        }
      } catch (error) {
        if (!this.stopping) {
          this.logger.error(`relay stopped, retrying: ${describe(error)}`);
          await this.delay.sleep(ERROR_BACKOFF_MS);
        }
      } finally {
        await connection?.close();
      }
    }
  }

  /** Waits as a standby until this session holds the relay lock; false when stopping or the session died. */
  private async becomeLeader(connection: RelayConnection): Promise<boolean> {
    let announced = false;
    while (!this.stopping && !connection.lost) {
      if (await connection.tryLead(RELAY_LOCK)) {
        this.logger.log('this instance is the active outbox relay');
        return true;
      }
      if (!announced) {
        this.logger.log('another instance is relaying the outbox; standing by');
        announced = true;
      }
      await this.delay.sleep(this.env.OUTBOX_STANDBY_RETRY_MS);
    }
    return false;
  }

  private async relay(connection: RelayConnection): Promise<void> {
    await connection.listen(OUTBOX_CHANNEL, () => {
      this.notified = true;
      this.delay.wake();
    });
    const { origin } = await this.outbox.relayState(connection.sql, RELAY_NAME);
    await this.settleInFlight(connection, origin);
    while (!this.stopping) {
      if (connection.lost) {
        throw connection.lost;
      }
      this.notified = false;
      const sent = await this.publishBatch(connection, origin);
      if (sent < this.env.OUTBOX_BATCH_SIZE && !this.notified) {
        await this.delay.sleep(this.env.OUTBOX_IDLE_POLL_MS);
      }
    }
  }

  private async publishBatch(connection: RelayConnection, origin: string): Promise<number> {
    const batch = await this.outbox.takeBatch(connection.sql, RELAY_NAME, this.env.OUTBOX_BATCH_SIZE);
    if (batch.length === 0) {
      return 0;
    }
    try {
      await this.send(batch, origin);
    } catch (error) {
      // Part of the batch may be on the topic: find out before anything is sent again.
      this.logger.warn(`send of ${batch.length} outbox messages failed: ${describe(error)}`);
      await this.settleInFlight(connection, origin);
      throw error;
    }
    const ackedAt = new Date();
    await this.outbox.removePublished(
      connection.sql,
      RELAY_NAME,
      batch.map((message) => message.id),
    );
    this.metrics.publishedMessages(
      batch.map((message) => new Date(message.createdAt)),
      ackedAt,
    );
    return batch.length;
  }

  private async send(batch: readonly PendingOutboxMessage[], origin: string): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const row of batch) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({
        key: row.key,
        value: row.payload,
        headers: { ...row.headers, [OUTBOX_HEADERS.id]: row.id, [OUTBOX_HEADERS.origin]: origin },
      });
      byTopic.set(row.topic, messages);
    }
    for (const [topic, messages] of byTopic) {
      await sendSizeBounded(this.producer, topic, messages);
    }
  }

  /** Deletes the in-flight messages that reached their topic; the rest will be sent again. */
  private async settleInFlight(connection: RelayConnection, origin: string): Promise<void> {
    const state = await this.outbox.relayState(connection.sql, RELAY_NAME);
    if (state.inFlightIds.length === 0) {
      return;
    }
    const unsettled = await this.outbox.unpublishedAmong(connection.sql, state.inFlightIds);
    const found = new Set<string>();
    const topics = new Map<string, Set<string>>();
    for (const { id, topic } of unsettled) {
      const ids = topics.get(topic) ?? new Set<string>();
      ids.add(id);
      topics.set(topic, ids);
    }
    for (const [topic, ids] of topics) {
      const published = await this.tail.findPublished({
        topic,
        origin,
        ids,
        window: ids.size + TAIL_SLACK,
        timeoutMs: TAIL_TIMEOUT_MS,
      });
      published.forEach((id) => found.add(id));
    }
    await this.outbox.removePublished(connection.sql, RELAY_NAME, [...found]);
    this.logger.warn(
      `checked ${unsettled.length} outbox messages left in flight: ${found.size} were already published, ` +
        `${unsettled.length - found.size} will be sent again`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
