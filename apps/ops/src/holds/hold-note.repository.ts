import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';

export interface HoldNote {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

@Injectable()
export class HoldNoteRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    note: { id: string; consignmentId: string; authorId: string; text: string; createdAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ops_hold_note (id, consignment_id, author_id, text, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [note.id, note.consignmentId, note.authorId, note.text, note.createdAt],
    );
  }

  /** Oldest first, with the author's display name; the text is returned exactly as written. */
  async list(consignmentId: string): Promise<HoldNote[]> {
    const rows: Array<{ id: string; author: string; text: string; created_at: Date }> =
      await this.dataSource.query(
        `SELECT n.id, u.display_name AS author, n.text, n.created_at
         FROM ops_hold_note n JOIN ops_user u ON u.id = n.author_id
        WHERE n.consignment_id = $1 ORDER BY n.created_at, n.id`,
        [consignmentId],
      );
    return rows.map((row) => ({
      id: row.id,
      author: row.author,
      text: row.text,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
