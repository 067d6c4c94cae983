import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Decisions counted per hour of decidedAt, for the dashboard; each decision id counts once. */
@Entity({ name: 'ops_decision_hourly' })
export class OpsDecisionHourlyEntity {
  @PrimaryColumn({ type: 'timestamptz' })
  hour!: Date;

  @PrimaryColumn({ type: 'text' })
  decision!: string;

  @Column({ type: 'integer' })
  count!: number;
}
