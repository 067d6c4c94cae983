import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A joining key (`TRD:…`, `BKG:…`, `EQ:…`) a screening transaction claimed: the row is its lock. Two
 * transactions contesting the same key wait for each other on this row; different keys never do. Rows
 * carry no state, so housekeeping may delete idle ones at any time.
 */
@Entity({ name: 'joining_claim' })
@Index('ix_joining_claim_claimed_at', ['claimedAt'])
export class JoiningClaimEntity {
  @PrimaryColumn({ type: 'text', name: 'joining_key' })
  joiningKey!: string;

  @Column({ type: 'timestamptz', name: 'claimed_at' })
  claimedAt!: Date;
}
