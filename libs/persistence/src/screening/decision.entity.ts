import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { DecisionEvent } from '@chokepoint/contracts';

/** Every decision screening issued, as published on chokepoint.decisions.v1: a consignment's story. */
@Entity({ name: 'decision' })
@Unique('uq_decision_consignment_sequence', ['consignmentId', 'sequence'])
@Index('ix_decision_decided_at', ['decidedAt'])
export class DecisionEntity {
  @PrimaryColumn({ type: 'uuid', name: 'decision_id' })
  decisionId!: string;

  @Column({ type: 'text', name: 'consignment_id' })
  consignmentId!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  decision!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'timestamptz', name: 'decided_at' })
  decidedAt!: Date;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'text', array: true })
  categories!: string[];

  /** Every rule id among the reasons (HOLD and FLAG). */
  @Column({ type: 'text', name: 'rule_ids', array: true })
  ruleIds!: string[];

  @Column({ type: 'text', name: 'hold_rule_ids', array: true })
  holdRuleIds!: string[];

  @Column({ type: 'text', name: 'trigger_type' })
  triggerType!: string;

  @Column({ type: 'text', name: 'trigger_event_id' })
  triggerEventId!: string;

  @Column({ type: 'uuid', nullable: true })
  supersedes!: string | null;

  @Column({ type: 'text', name: 'rule_set_version' })
  ruleSetVersion!: string;

  @Column({ type: 'text', name: 'officer_id', nullable: true })
  officerId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: DecisionEvent;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
