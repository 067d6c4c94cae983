import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface SlaPause {
  from: string;
  to: string | null;
}

/** The hold queue's view of one consignment held by the rules or an officer (projection owned by ops). */
@Entity({ name: 'ops_hold' })
export class OpsHoldEntity {
  @PrimaryColumn({ type: 'text', name: 'consignment_id' })
  consignmentId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'text', array: true })
  categories!: string[];

  @Column({ type: 'text', name: 'rule_ids', array: true })
  ruleIds!: string[];

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'timestamptz', name: 'held_at' })
  heldAt!: Date;

  @Column({ type: 'integer', name: 'decision_sequence' })
  decisionSequence!: number;

  @Column({ type: 'uuid', name: 'decision_id' })
  decisionId!: string;

  @Column({ type: 'text', name: 'port_of_loading', nullable: true })
  portOfLoading!: string | null;

  @Column({ type: 'text', name: 'port_of_discharge', nullable: true })
  portOfDischarge!: string | null;

  @Column({ type: 'text', name: 'place_of_delivery', nullable: true })
  placeOfDelivery!: string | null;

  /** Deadline before any pause. */
  @Column({ type: 'timestamptz', name: 'base_deadline' })
  baseDeadline!: Date;

  @Column({ type: 'text', name: 'deadline_basis' })
  deadlineBasis!: string;

  /** base_deadline plus every closed pause; what filters and sorting use. */
  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'timestamptz', name: 'sla_paused_since', nullable: true })
  slaPausedSince!: Date | null;

  @Column({ type: 'bigint', name: 'sla_paused_ms' })
  slaPausedMs!: string;

  @Column({ type: 'jsonb', name: 'sla_pauses' })
  slaPauses!: SlaPause[];

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  /** First officer of a release that needs two. */
  @Column({ type: 'uuid', name: 'first_release_by', nullable: true })
  firstReleaseBy!: string | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
