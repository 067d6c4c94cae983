import type { ConsignmentLinkKind } from './consignment-link.entity';
import type { SqlExecutor } from './sql-executor';
import type { WriteBatch } from './write-batch';

export interface ConsignmentLink {
  kind: ConsignmentLinkKind;
  reference: string;
  consignmentId: string;
}

export class ConsignmentLinkRepository {
  /** Consignments by booking (all of them) and by container (open ones), for joining movements. */
  async findForJoining(
    sql: SqlExecutor,
    bookingReferences: readonly string[],
    equipmentReferences: readonly string[],
  ): Promise<ConsignmentLink[]> {
    if (bookingReferences.length === 0 && equipmentReferences.length === 0) {
      return [];
    }
    return sql.query<ConsignmentLink>(
      `SELECT kind, reference, consignment_id AS "consignmentId" FROM consignment_link
        WHERE (kind = 'BKG' AND reference = ANY($1::text[]))
           OR (kind = 'EQ' AND reference = ANY($2::text[]) AND NOT closed)`,
      [bookingReferences, equipmentReferences],
    );
  }

  add(batch: WriteBatch, links: readonly (ConsignmentLink & { closed: boolean })[]): void {
    if (links.length === 0) {
      return;
    }
    batch.add(
      'added_links',
      `INSERT INTO consignment_link (kind, reference, consignment_id, closed)
       SELECT * FROM unnest(${batch.param(links.map((l) => l.kind))}::text[], ${batch.param(links.map((l) => l.reference))}::text[],
                            ${batch.param(links.map((l) => l.consignmentId))}::text[], ${batch.param(links.map((l) => l.closed))}::boolean[])
       ON CONFLICT DO NOTHING`,
    );
  }

  /** Keeps the links' closed flag equal to their consignment's (links added in the same batch come with it). */
  syncClosed(batch: WriteBatch, consignments: readonly { consignmentId: string; closed: boolean }[]): void {
    if (consignments.length === 0) {
      return;
    }
    batch.add(
      'closed_links',
      `UPDATE consignment_link AS l SET closed = u.closed
         FROM unnest(${batch.param(consignments.map((c) => c.consignmentId))}::text[],
                     ${batch.param(consignments.map((c) => c.closed))}::boolean[]) AS u(consignment_id, closed)
        WHERE l.consignment_id = u.consignment_id AND l.closed IS DISTINCT FROM u.closed`,
    );
  }
}
