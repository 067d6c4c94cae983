import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One joining key a parked movement waits under (pending_movement.pending_keys, one row per key). */
@Entity({ name: 'pending_movement_key' })
@Index('ix_pending_movement_key_movement', ['movementKey'])
export class PendingMovementKeyEntity {
  /** `TRD:…`, `BKG:…` or `EQ:…`. */
  @PrimaryColumn({ type: 'text', name: 'pending_key' })
  pendingKey!: string;

  /** pending_movement.movement_key. */
  @PrimaryColumn({ type: 'text', name: 'movement_key' })
  movementKey!: string;
}
