import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An officer's note on a held consignment; stored as plain text, rendered as text by the console. */
@Entity({ name: 'ops_hold_note' })
export class OpsHoldNoteEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', name: 'consignment_id' })
  consignmentId!: string;

  @Column({ type: 'uuid', name: 'author_id' })
  authorId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
