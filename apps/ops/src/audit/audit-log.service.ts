import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { CLOCK, type Clock } from '../clock/clock';
import {
  type AuditActor,
  AuditChainVerifier,
  type AuditEntryContent,
  type ChainedAuditEntry,
  GENESIS_HASH,
  hashAuditEntry,
  stripNul,
  toAuditJson,
} from './audit-chain';

/** Transaction-scoped advisory lock that serialises appends, so the chain has one order. */
export const AUDIT_APPEND_LOCK_KEY = 0x4f50_5341; // 'OPSA'

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenEntryId: string | null;
}

export interface AuditRow {
  id: string;
  entry_id: string;
  occurred_at: Date;
  actor_kind: AuditActor['kind'];
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `id, entry_id, occurred_at, actor_kind, actor_id, actor_name, action, target_type, target_id,
  before, after, detail, prev_hash, hash`;

export function toChainedEntry(row: AuditRow): ChainedAuditEntry {
  return {
    id: String(row.id),
    entryId: row.entry_id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: row.before,
    after: row.after,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Reads the whole log in id order, page by page, and checks every link; used by the API and the CLI. */
export async function verifyAuditLog(
  query: (sql: string, parameters: unknown[]) => Promise<unknown[]>,
  pageSize = 1000,
): Promise<AuditVerification> {
  const verifier = new AuditChainVerifier(GENESIS_HASH);
  let after = '0';
  for (;;) {
    const rows = (await query(`SELECT ${COLUMNS} FROM ops_audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [
      after,
      pageSize,
    ])) as AuditRow[];
    for (const row of rows) {
      if (!verifier.accept(toChainedEntry(row))) {
        const counted = (await query(`SELECT count(*) AS total FROM ops_audit_log`, [])) as Array<{
          total: string;
        }>;
        return {
          ok: false,
          entries: Number(counted[0]?.total ?? 0),
          firstBrokenEntryId: verifier.firstBrokenEntryId,
        };
      }
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) {
      return { ok: true, entries: verifier.checked, firstBrokenEntryId: null };
    }
    after = String(last.id);
  }
}

@Injectable()
export class AuditLogService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Takes the append lock for the rest of the transaction. Callers that also lock rows take this first,
   * so every writer acquires locks in the same order and none can deadlock on the audit lock.
   */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_APPEND_LOCK_KEY]);
  }

  /** Appends within the caller's transaction: the entry commits or rolls back with the change it records. */
  async append(manager: EntityManager, record: AuditRecord): Promise<ChainedAuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('audit entries are appended inside a transaction');
    }
    await this.lock(manager);
    const last: Array<{ hash: string }> = await manager.query(
      `SELECT hash FROM ops_audit_log ORDER BY id DESC LIMIT 1`,
    );
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    const content: AuditEntryContent = {
      entryId: randomUUID(),
      occurredAt: this.clock.now().toISOString(),
      actor: {
        kind: record.actor.kind,
        id: record.actor.id === null ? null : stripNul(record.actor.id),
        name: stripNul(record.actor.name),
      },
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId === null ? null : stripNul(record.targetId),
      before: toAuditJson(record.before),
      after: toAuditJson(record.after),
      detail: toAuditJson(record.detail),
    };
    const hash = hashAuditEntry(prevHash, content);
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO ops_audit_log
         (entry_id, occurred_at, actor_kind, actor_id, actor_name, action, target_type, target_id,
          before, after, detail, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13)
       RETURNING id`,
      [
        content.entryId,
        content.occurredAt,
        content.actor.kind,
        content.actor.id,
        content.actor.name,
        content.action,
        content.targetType,
        content.targetId,
        JSON.stringify(content.before),
        JSON.stringify(content.after),
        JSON.stringify(content.detail),
        prevHash,
        hash,
      ],
    );
    return { ...content, id: String(inserted[0]?.id), prevHash, hash };
  }

  /** For actions whose only effect is the record itself (sign-in, sign-out). */
  async appendAlone(record: AuditRecord): Promise<ChainedAuditEntry> {
    return this.dataSource.transaction((manager) => this.append(manager, record));
  }

  async entriesFor(targetType: string, targetId: string): Promise<ChainedAuditEntry[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ops_audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY id`,
      [targetType, targetId],
    );
    return rows.map(toChainedEntry);
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditLog((sql, parameters) => this.dataSource.query(sql, parameters));
  }
}
