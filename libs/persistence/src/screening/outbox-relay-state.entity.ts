import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The active relay's hand-over note: outbox ids sent to Kafka but not yet marked published. */
@Entity({ name: 'outbox_relay_state' })
export class OutboxRelayStateEntity {
  @PrimaryColumn({ type: 'text' })
  relay!: string;

  /** Sent as a header with every message, so a check of the topic only counts this database's rows. */
  @Column({ type: 'uuid', default: () => 'gen_random_uuid()' })
  origin!: string;

  @Column({ type: 'bigint', name: 'in_flight_ids', array: true, default: () => "'{}'" })
  inFlightIds!: string[];

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
