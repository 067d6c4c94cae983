import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ConsignmentLinkKind = 'BKG' | 'EQ';

/** Booking or container reference to a consignment: the joining index. Rows are only ever added. */
@Entity({ name: 'consignment_link' })
@Index('ix_consignment_link_consignment', ['consignmentId'])
export class ConsignmentLinkEntity {
  @PrimaryColumn({ type: 'text' })
  kind!: ConsignmentLinkKind;

  @PrimaryColumn({ type: 'text' })
  reference!: string;

  @PrimaryColumn({ type: 'text', name: 'consignment_id' })
  consignmentId!: string;

  /** Mirrors consignment.closed so that joining by container skips finished trips through an index. */
  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
