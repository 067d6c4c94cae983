import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message written in the same transaction as the state that produced it; the relay publishes it and,
 * once Kafka has acknowledged it, deletes it: every row is unpublished.
 */
@Entity({ name: 'outbox' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** Null for dead letters. */
  @Column({ type: 'text', name: 'consignment_id', nullable: true })
  consignmentId!: string | null;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text', name: 'message_key', nullable: true })
  messageKey!: string | null;

  /** json (not jsonb) so that the bytes published are the bytes written. */
  @Column({ type: 'json' })
  payload!: unknown;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  headers!: Record<string, string>;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
