import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One login attempt, kept for rate limiting per username and client address. */
@Entity({ name: 'ops_login_attempt' })
export class OpsLoginAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** Lower-cased as typed, whether or not such a user exists. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  @Column({ type: 'timestamptz', name: 'attempted_at' })
  attemptedAt!: Date;
}
