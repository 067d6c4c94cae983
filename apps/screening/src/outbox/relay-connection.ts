import { Client } from 'pg';
import { KEYED_SESSION_OPTIONS, queryNamed, type SqlExecutor } from '@chokepoint/persistence';

/**
 * A dedicated PostgreSQL session for the outbox relay. Holding its session-level advisory lock makes
 * this instance the only active relay (per-consignment order needs a single publisher); the lock goes
 * with the session, so a crashed relay's standby takes over as soon as PostgreSQL notices. The same
 * session LISTENs for commits that wrote outbox rows.
 */
export class RelayConnection {
  private lostError: Error | undefined;
  private readonly lostListeners: (() => void)[] = [];

  private constructor(private readonly client: Client) {
    client.on('error', (error) => this.markLost(error));
    client.on('end', () => this.markLost(new Error('relay connection ended')));
  }

  static async open(url: string, applicationName: string): Promise<RelayConnection> {
    const client = new Client({
      connectionString: url,
      application_name: applicationName,
      options: KEYED_SESSION_OPTIONS,
    });
    await client.connect();
    return new RelayConnection(client);
  }

  get lost(): Error | undefined {
    return this.lostError;
  }

  readonly sql: SqlExecutor = {
    query: <Row>(text: string, parameters: readonly unknown[] = []): Promise<Row[]> =>
      queryNamed<Row>(this.client, text, parameters),
  };

  async tryLead(lockName: string): Promise<boolean> {
    const [row] = await this.sql.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`,
      [lockName],
    );
    return row?.locked === true;
  }

  async listen(channel: string, onNotify: () => void): Promise<void> {
    this.client.on('notification', (message) => {
      if (message.channel === channel) {
        onNotify();
      }
    });
    await this.client.query(`LISTEN ${escapeIdentifier(channel)}`);
  }

  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  async close(): Promise<void> {
    this.markLost(new Error('relay connection closed'));
    await this.client.end().catch(() => undefined);
  }

  private markLost(error: Error): void {
    if (!this.lostError) {
      this.lostError = error;
      this.lostListeners.forEach((listener) => listener());
    }
  }
}

function escapeIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
