import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
  active: boolean;
  createdAt: Date;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  active: boolean;
  created_at: Date;
}

const COLUMNS = 'id, username, display_name, password_hash, roles, active, created_at';

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: row.roles,
    active: row.active,
    createdAt: row.created_at,
  };
}

/** PostgreSQL's unique_violation, raised for a taken username. */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown }; code?: unknown } | null) ?? {};
  return driverError.driverError?.code === '23505' || driverError.code === '23505';
}

@Injectable()
export class UserRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ops_user WHERE lower(username) = lower($1)`,
      [username],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ops_user WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(): Promise<UserRecord[]> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ops_user ORDER BY lower(username)`,
    );
    return rows.map(toRecord);
  }

  async insert(
    manager: EntityManager,
    user: Omit<UserRecord, 'createdAt' | 'active'> & { createdAt: Date },
  ): Promise<UserRecord> {
    const rows: UserRow[] = await manager.query(
      `INSERT INTO ops_user (id, username, display_name, password_hash, roles, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, $6) RETURNING ${COLUMNS}`,
      [user.id, user.username, user.displayName, user.passwordHash, user.roles, user.createdAt],
    );
    return toRecord(rows[0] as UserRow);
  }
}
