import { Inject, Injectable } from '@nestjs/common';
import { AuditLogService } from '../audit/audit-log.service';
import { HoldNoteRepository } from '../holds/hold-note.repository';
import { HoldQueryService } from '../holds/hold-query.service';
import { HoldsErrorCode, HoldsException } from '../holds/holds.exception';
import { type ConsignmentStory, storyFromState } from './consignment-story';
import { CONSIGNMENT_STORY_READER, type ConsignmentStoryReader } from './consignment-story.reader';

const EMPTY_STATE_PARTS = {
  route: [],
  parties: [],
  goods: [],
  manifestVersions: [],
  containers: [],
  movements: [],
} satisfies Partial<ConsignmentStory>;

/** Everything an officer needs to judge a hold, from screening's record and the queue's own. */
@Injectable()
export class ConsignmentStoryService {
  constructor(
    @Inject(CONSIGNMENT_STORY_READER) private readonly reader: ConsignmentStoryReader,
    private readonly holdQueries: HoldQueryService,
    private readonly notes: HoldNoteRepository,
    private readonly auditLog: AuditLogService,
  ) {}

  async story(consignmentId: string): Promise<ConsignmentStory> {
    const [record, hold, decisions, notes, entries] = await Promise.all([
      this.reader.find(consignmentId),
      this.holdQueries.summary(consignmentId),
      this.reader.decisions(consignmentId),
      this.notes.list(consignmentId),
      this.auditLog.entriesFor('hold', consignmentId),
    ]);
    if (!record && !hold) {
      throw new HoldsException(HoldsErrorCode.notFound, `no consignment ${consignmentId}`);
    }
    return {
      hold,
      ...(record ? storyFromState(record) : EMPTY_STATE_PARTS),
      decisions,
      notes,
      actions: entries.map((entry) => ({
        id: entry.entryId,
        type: entry.action,
        actor: entry.actor.kind === 'SYSTEM' ? 'system' : entry.actor.name,
        at: entry.occurredAt,
        detail: entry.detail,
      })),
    };
  }
}
