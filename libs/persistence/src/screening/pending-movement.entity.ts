import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MovementEvent } from '@chokepoint/contracts';

/** A movement that arrived before its manifest, parked under the keys a manifest will look for. */
@Entity({ name: 'pending_movement' })
@Index('ix_pending_movement_expires_at', ['expiresAt'])
export class PendingMovementEntity {
  /** Originating party and event id (the engine's movementKey) as a JSON array: `["TOS-HPH","E123"]`. */
  @PrimaryColumn({ type: 'text', name: 'movement_key' })
  movementKey!: string;

  /** `TRD:…`, `BKG:…` or `EQ:…`; looked up through pending_movement_key, which holds one row per key. */
  @Column({ type: 'text', name: 'pending_keys', array: true })
  pendingKeys!: string[];

  @Column({ type: 'json' })
  movement!: MovementEvent;

  /** Parking order: a manifest takes waiting movements in the order they were parked. */
  @Column({ type: 'bigint', name: 'park_seq', generated: 'increment' })
  parkSeq!: string;

  @Column({ type: 'timestamptz', name: 'event_time' })
  eventTime!: Date;

  @Column({ type: 'timestamptz', name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  /** Event time plus the rule pack's pendingMovementMaxHours. */
  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;
}
