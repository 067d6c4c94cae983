import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';

export interface SessionRecord {
  idHash: string;
  csrfHash: string;
  expiresAt: Date;
  user: { id: string; username: string; displayName: string; roles: string[]; active: boolean };
}

interface SessionRow {
  id_hash: string;
  csrf_hash: string;
  expires_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  roles: string[];
  active: boolean;
}

@Injectable()
export class SessionRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async create(session: {
    idHash: string;
    csrfHash: string;
    userId: string;
    createdAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ops_session (id_hash, user_id, csrf_hash, created_at, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        session.idHash,
        session.userId,
        session.csrfHash,
        session.createdAt,
        session.expiresAt,
        session.ip,
        session.userAgent?.slice(0, 500) ?? null,
      ],
    );
  }

  async find(idHash: string): Promise<SessionRecord | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id_hash, s.csrf_hash, s.expires_at, u.id AS user_id, u.username, u.display_name, u.roles, u.active
         FROM ops_session s JOIN ops_user u ON u.id = s.user_id
        WHERE s.id_hash = $1`,
      [idHash],
    );
    const row = rows[0];
    if (!row) {
      return null;
    }
    return {
      idHash: row.id_hash,
      csrfHash: row.csrf_hash,
      expiresAt: row.expires_at,
      user: {
        id: row.user_id,
        username: row.username,
        displayName: row.display_name,
        roles: row.roles,
        active: row.active,
      },
    };
  }

  async delete(idHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ops_session WHERE id_hash = $1`, [idHash]);
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM ops_session WHERE expires_at <= $1`, [now]);
  }
}
