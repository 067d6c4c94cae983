import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';

export interface ServiceTokenRecord {
  id: string;
  name: string;
  role: string;
  createdAt: Date;
  revokedAt: Date | null;
}

interface ServiceTokenRow {
  id: string;
  name: string;
  role: string;
  created_at: Date;
  revoked_at: Date | null;
}

function toRecord(row: ServiceTokenRow): ServiceTokenRecord {
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at };
}

@Injectable()
export class ServiceTokenRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async findActiveByHash(tokenHash: string): Promise<ServiceTokenRecord | null> {
    const rows: ServiceTokenRow[] = await this.dataSource.query(
      `SELECT id, name, role, created_at, revoked_at FROM ops_service_token
        WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async insert(token: {
    id: string;
    name: string;
    role: string;
    tokenHash: string;
    createdBy: string | null;
    createdAt: Date;
  }): Promise<ServiceTokenRecord> {
    const rows: ServiceTokenRow[] = await this.dataSource.query(
      `INSERT INTO ops_service_token (id, name, token_hash, role, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, name, role, created_at, revoked_at`,
      [token.id, token.name, token.tokenHash, token.role, token.createdBy, token.createdAt],
    );
    return toRecord(rows[0] as ServiceTokenRow);
  }

  async list(): Promise<ServiceTokenRecord[]> {
    const rows: ServiceTokenRow[] = await this.dataSource.query(
      `SELECT id, name, role, created_at, revoked_at FROM ops_service_token ORDER BY created_at, id`,
    );
    return rows.map(toRecord);
  }

  /** Returns the token as it was before revoking, or null when unknown. */
  async revoke(
    id: string,
    at: Date,
  ): Promise<{ before: ServiceTokenRecord; after: ServiceTokenRecord } | null> {
    const rows: ServiceTokenRow[] = await this.dataSource.query(
      `SELECT id, name, role, created_at, revoked_at FROM ops_service_token WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) {
      return null;
    }
    await this.dataSource.query(
      `UPDATE ops_service_token SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1`,
      [id, at],
    );
    const before = toRecord(row);
    return { before, after: { ...before, revokedAt: before.revokedAt ?? at } };
  }
}
