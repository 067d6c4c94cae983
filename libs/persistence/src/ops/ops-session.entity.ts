import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A browser session. Only hashes are stored: a database leak does not hand out live sessions. */
@Entity({ name: 'ops_session' })
export class OpsSessionEntity {
  /** sha256 of the opaque cookie value. */
  @PrimaryColumn({ type: 'text', name: 'id_hash' })
  idHash!: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  /** sha256 of the CSRF token handed out with this session. */
  @Column({ type: 'text', name: 'csrf_hash' })
  csrfHash!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ type: 'text', name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
