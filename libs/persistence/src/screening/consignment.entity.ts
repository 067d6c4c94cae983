import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsignmentState } from '@chokepoint/engine';

/** One consignment as screening keeps it: the engine's state plus columns the hold queue filters on. */
@Entity({ name: 'consignment' })
export class ConsignmentEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  /** The engine's ConsignmentState, stored as it is and handed back unchanged. */
  @Column({ type: 'json' })
  state!: ConsignmentState;

  @Column({ type: 'integer', name: 'state_version' })
  stateVersion!: number;

  @Column({ type: 'integer', name: 'manifest_version' })
  manifestVersion!: number;

  /** Null while out of scope. */
  @Column({ type: 'text', nullable: true })
  stage!: string | null;

  @Column({ type: 'text', name: 'current_decision', nullable: true })
  currentDecision!: string | null;

  @Column({ type: 'uuid', name: 'current_decision_id', nullable: true })
  currentDecisionId!: string | null;

  @Column({ type: 'text', name: 'current_source', nullable: true })
  currentSource!: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'integer', name: 'last_sequence', default: 0 })
  lastSequence!: number;

  /** HOLD rule ids of the current decision (empty when released). */
  @Column({ type: 'text', name: 'hold_rule_ids', array: true, default: () => "'{}'" })
  holdRuleIds!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories!: string[];

  /** A first officer released a hold that needs a second, different officer. */
  @Column({ type: 'boolean', name: 'awaiting_second_officer', default: false })
  awaitingSecondOfficer!: boolean;

  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @Column({ type: 'text', name: 'port_of_loading_code', nullable: true })
  portOfLoadingCode!: string | null;

  @Column({ type: 'text', name: 'port_of_discharge_code', nullable: true })
  portOfDischargeCode!: string | null;

  @Column({ type: 'text', name: 'place_of_delivery_code', nullable: true })
  placeOfDeliveryCode!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
