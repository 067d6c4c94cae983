import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An input event a consumer has already applied. Inserting the id in the same transaction as the
 * event's effects makes redelivery after a crash a no-op.
 */
@Entity({ name: 'processed_event' })
@Index('ix_processed_event_processed_at', ['processedAt'])
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ type: 'text', name: 'event_key' })
  eventKey!: string;

  @Column({ type: 'text', name: 'source_topic' })
  sourceTopic!: string;

  @Column({ type: 'int', name: 'source_partition' })
  sourcePartition!: number;

  @Column({ type: 'bigint', name: 'source_offset' })
  sourceOffset!: string;

  @Column({ type: 'timestamptz', name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
