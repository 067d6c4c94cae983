import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, type Notification } from 'pg';
import { OpsEnvironment } from '../config/ops.environment';
import { HoldQueryService } from '../holds/hold-query.service';
import { HOLD_CHANGES_CHANNEL, type HoldChange } from '../holds/hold.repository';
import { HoldEventsBus } from './hold-events.bus';

const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * Every instance LISTENs for hold changes committed by any instance (the projection runs on whichever
 * instance owns the partition; officers act on any), reads the hold once and fans it out to its
 * streams.
 */
@Injectable()
export class HoldChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HoldChangeListener');
  private client: Client | undefined;
  private stopped = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  // Notifications are handled one after another so a hold's events keep their commit order.
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: OpsEnvironment,
    private readonly holdQueries: HoldQueryService,
    private readonly bus: HoldEventsBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
    await this.queue;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.env.DATABASE_URL,
      application_name: 'chokepoint-ops-listen',
    });
    client.on('notification', (message) => this.enqueue(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${HOLD_CHANGES_CHANNEL}`);
      this.client = client;
      this.failures = 0;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.stopped || (this.client !== undefined && this.client !== client) || this.reconnectTimer) {
      return;
    }
    this.client = undefined;
    this.failures += 1;
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 500 * 2 ** Math.min(this.failures, 6));
    this.logger.warn(
      `live updates paused (${error instanceof Error ? error.message : String(error)}); reconnecting in ${delay} ms`,
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private enqueue(message: Notification): void {
    this.queue = this.queue
      .then(() => this.handle(message))
      .catch((error: unknown) => {
        this.logger.warn(`hold event dropped: ${error instanceof Error ? error.message : String(error)}`);
      });
  }

  private async handle(message: Notification): Promise<void> {
    const change = JSON.parse(message.payload ?? '{}') as Partial<HoldChange>;
    if (typeof change.consignmentId !== 'string') {
      return;
    }
    if (change.type === 'removed') {
      this.bus.publish({ type: 'hold.removed', data: { consignmentId: change.consignmentId } });
      return;
    }
    const summary = await this.holdQueries.summary(change.consignmentId);
    if (summary) {
      this.bus.publish({ type: 'hold.upserted', data: summary });
    }
  }
}
