import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An operations console account; roles are cumulative (viewer < officer < supervisor < admin). */
@Entity({ name: 'ops_user' })
export class OpsUserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Unique regardless of case (ux_ops_user_username on lower(username)). */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName!: string;

  /** scrypt$N$r$p$salt$hash, never the password. */
  @Column({ type: 'text', name: 'password_hash' })
  passwordHash!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
