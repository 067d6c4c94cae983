import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TimerSpec } from '@chokepoint/engine';

/** An armed TRANSIT_OVERDUE or DWELL_EXCEEDED timer; fires once on wall-clock time. */
@Entity({ name: 'screening_timer' })
@Index('ix_screening_timer_consignment', ['consignmentId'])
export class ScreeningTimerEntity {
  @PrimaryColumn({ type: 'text', name: 'timer_id' })
  timerId!: string;

  @Column({ type: 'text', name: 'consignment_id' })
  consignmentId!: string;

  @Column({ type: 'text', name: 'rule_id' })
  ruleId!: string;

  @Column({ type: 'text', name: 'equipment_reference', nullable: true })
  equipmentReference!: string | null;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt!: Date;

  /** The engine's TimerSpec, handed back to applyTimer as it was armed. */
  @Column({ type: 'jsonb' })
  spec!: TimerSpec;

  @Column({ type: 'timestamptz', name: 'armed_at', default: () => 'now()' })
  armedAt!: Date;

  @Column({ type: 'timestamptz', name: 'fired_at', nullable: true })
  firedAt!: Date | null;
}
