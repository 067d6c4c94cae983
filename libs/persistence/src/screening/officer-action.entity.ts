import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An officer's release or hold as screening applied it; the action id makes a retried call idempotent. */
@Entity({ name: 'officer_action' })
@Index('ix_officer_action_consignment', ['consignmentId', 'actedAt'])
export class OfficerActionEntity {
  @PrimaryColumn({ type: 'uuid', name: 'action_id' })
  actionId!: string;

  @Column({ type: 'text', name: 'consignment_id' })
  consignmentId!: string;

  @Column({ type: 'text', name: 'officer_id' })
  officerId!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', name: 'reason_code' })
  reasonCode!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The engine's answer: RELEASED, HELD, AWAITING_SECOND_OFFICER, SAME_OFFICER_AGAIN, … */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'uuid', name: 'decision_id', nullable: true })
  decisionId!: string | null;

  @Column({ type: 'timestamptz', name: 'acted_at' })
  actedAt!: Date;
}
