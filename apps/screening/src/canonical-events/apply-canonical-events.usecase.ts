import { Injectable } from '@nestjs/common';
import type { CanonicalEvent, DecisionEvent, RejectionError } from '@chokepoint/contracts';
import { type InboundRecord, toDeadLetterMessage } from '@chokepoint/kafka';
import {
  OutboxRepository,
  partitionKey,
  ProcessedEventRepository,
  type OutboxMessage,
  WriteBatch,
} from '@chokepoint/persistence';
import { Clock } from '../clock/clock';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ConsignmentStore } from '../consignments/consignment.store';
import { ConsignmentWorkspace } from '../consignments/consignment-workspace';
import { loadPlanFor } from '../consignments/load-plan';
import { ScreeningUnitOfWork } from '../consignments/screening-unit-of-work';
import { RuleSetService } from '../rule-set/rule-set.service';
import type { DecodedCanonicalRecord } from './canonical-event.decoder';
import { CanonicalEventRejectionCode } from './canonical-events.exception';

/** Name under which screening keeps its per-partition marks in processed_event.consumer. */
export const SCREENING_CONSUMER = 'screening';

/** A consumed record and what decoding made of it; records of one partition come in offset order. */
export interface CanonicalRecord {
  record: InboundRecord;
  decoded: DecodedCanonicalRecord;
}

export interface AppliedRecords {
  applied: CanonicalEvent[];
  /** Records at or below their partition's mark: redelivered, skipped. */
  duplicates: number;
  /** Records sent to the dead-letter topic (through the outbox) with the reasons. */
  rejected: { record: InboundRecord; errors: RejectionError[] }[];
  decisions: DecisionEvent[];
}

/**
 * Applies a chunk of canonical records in record order in one transaction: their effects on consignment
 * states, links, parked movements and timers, the decisions and dead letters as outbox messages, and
 * the partition's mark, so that a redelivered record finds itself applied and changes nothing. A record
 * that cannot be decoded, or that the engine throws on, goes to the dead-letter topic in the same
 * transaction, exactly once, and the partition keeps flowing.
 */
@Injectable()
export class ApplyCanonicalEventsUseCase {
  constructor(
    private readonly unitOfWork: ScreeningUnitOfWork,
    private readonly store: ConsignmentStore,
    private readonly processed: ProcessedEventRepository,
    private readonly outbox: OutboxRepository,
    private readonly ruleSet: RuleSetService,
    private readonly clock: Clock,
    private readonly env: ScreeningEnvironment,
  ) {}

  execute(records: readonly CanonicalRecord[]): Promise<AppliedRecords> {
    return this.unitOfWork.run('canonical-events', async (sql) => {
      const partitions = uniquePartitions(records.map((item) => item.record));
      const marks = await this.processed.lockMarks(sql, SCREENING_CONSUMER, partitions);
      const fresh = records.filter(
        ({ record }) => BigInt(record.offset) > (marks.get(partitionKey(record)) ?? -1n),
      );
      const result: AppliedRecords = {
        applied: [],
        duplicates: records.length - fresh.length,
        rejected: [],
        decisions: [],
      };
      if (fresh.length === 0) {
        return result;
      }
      const context = this.ruleSet.worldContext();
      const decoded = fresh.flatMap(({ record, decoded: outcome }) => {
        if (!outcome.ok) {
          result.rejected.push({ record, errors: outcome.errors });
          return [];
        }
        return [{ record, event: outcome.event }];
      });
      const workspace = new ConsignmentWorkspace(
        context,
        await this.store.load(sql, loadPlanFor(decoded.map((item) => item.event))),
      );
      for (const { record, event } of decoded) {
        try {
          if (event.kind === 'MANIFEST') {
            workspace.applyManifest(event);
          } else {
            workspace.applyMovement(event);
          }
          result.applied.push(event);
        } catch (error) {
          // The engine is pure: this event fails the same way every time, and retrying would stall the partition.
          const message = error instanceof Error ? error.message : String(error);
          result.rejected.push({
            record,
            errors: [{ path: '', code: CanonicalEventRejectionCode.EngineFailure, message }],
          });
        }
      }
      const changes = workspace.changes();
      await this.store.settleContestedKeys(sql, workspace, changes);
      const batch = new WriteBatch();
      this.store.save(batch, changes, {
        decisionsTopic: this.env.DECISIONS_TOPIC,
        pendingMovementMaxHours: context.rulePack.limits.pendingMovementMaxHours,
      });
      const rejectedAt = this.clock.now();
      this.outbox.enqueue(
        batch,
        result.rejected.map(({ record, errors }) => this.deadLetter(record, errors, rejectedAt)),
      );
      this.processed.advance(batch, SCREENING_CONSUMER, lastOffsets(fresh.map((item) => item.record)));
      await batch.execute(sql);
      result.decisions = changes.decisions;
      return result;
    });
  }

  private deadLetter(record: InboundRecord, errors: RejectionError[], rejectedAt: Date): OutboxMessage {
    const message = toDeadLetterMessage(record, errors, rejectedAt);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (typeof value === 'string') {
        headers[name] = value;
      }
    }
    return {
      consignmentId: null,
      topic: this.env.DEAD_LETTER_TOPIC,
      key: record.key === null ? null : record.key.toString('utf8'),
      payload: String(message.value),
      headers,
    };
  }
}

function uniquePartitions(records: readonly InboundRecord[]): { topic: string; partition: number }[] {
  const seen = new Map<string, { topic: string; partition: number }>();
  records.forEach((record) =>
    seen.set(partitionKey(record), { topic: record.topic, partition: record.partition }),
  );
  return [...seen.values()];
}

function lastOffsets(
  records: readonly InboundRecord[],
): { topic: string; partition: number; offset: string }[] {
  const last = new Map<string, { topic: string; partition: number; offset: string }>();
  for (const record of records) {
    const current = last.get(partitionKey(record));
    if (!current || BigInt(record.offset) > BigInt(current.offset)) {
      last.set(partitionKey(record), {
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
      });
    }
  }
  return [...last.values()];
}
