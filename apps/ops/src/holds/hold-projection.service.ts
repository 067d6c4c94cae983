import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { DecisionEvent } from '@chokepoint/contracts';
import type { BatchHandler, InboundRecord, RecordOutcome } from '@chokepoint/kafka';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { AuditLogService } from '../audit/audit-log.service';
import { CLOCK, type Clock } from '../clock/clock';
import { holdRouteOf } from '../consignments/consignment-story';
import {
  CONSIGNMENT_STORY_READER,
  type ConsignmentStoryReader,
} from '../consignments/consignment-story.reader';
import { SlaPolicy } from '../sla/sla-policy';
import { parseDecisionRecord } from './decision-event.dto';
import type { Hold } from './hold';
import { heldAtFor, projectDecision } from './hold-projection';
import { auditSnapshot } from './hold-summary';
import { HoldRepository } from './hold.repository';

/** Name under which decision ids are remembered in processed_event, whatever the consumer group. */
export const HOLD_PROJECTION_CONSUMER = 'chokepoint-ops.holds';

const PROJECTION_ACTOR = { kind: 'SYSTEM' as const, id: null, name: 'decisions-projection' };

interface FreshDecision {
  decision: DecisionEvent;
  record: InboundRecord;
}

/**
 * Applies decisions to the hold queue in one transaction per chunk: each decision id counts once
 * (processed_event), is tallied per hour for the dashboard, and HOLD/RELEASE change ops_hold with an
 * audit entry. Everything commits before the consumer commits the offsets.
 */
@Injectable()
export class HoldProjectionService implements BatchHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONSIGNMENT_STORY_READER) private readonly reader: ConsignmentStoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly holds: HoldRepository,
    private readonly auditLog: AuditLogService,
    private readonly sla: SlaPolicy,
  ) {}

  async handleBatch(records: InboundRecord[]): Promise<RecordOutcome[]> {
    const outcomes: RecordOutcome[] = [];
    const candidates: FreshDecision[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      const parsed = parseDecisionRecord(record.value);
      if (!parsed.ok) {
        outcomes.push({ kind: 'rejected', errors: parsed.errors });
        continue;
      }
      outcomes.push({ kind: 'done' });
      if (!seen.has(parsed.decision.decisionId)) {
        seen.add(parsed.decision.decisionId);
        candidates.push({ decision: parsed.decision, record });
      }
    }
    if (candidates.length === 0) {
      return outcomes;
    }
    // Screening's state is read before the transaction: it is committed before its decision is published.
    const holdIds = candidates
      .filter((item) => item.decision.decision === 'HOLD')
      .map((item) => item.decision.consignmentId);
    const states = await this.reader.findMany(holdIds);
    await this.dataSource.transaction(async (manager) => {
      const fresh = await this.remember(manager, candidates);
      await this.tally(manager, fresh);
      const touched = await this.holdAffecting(manager, fresh);
      if (touched.length === 0) {
        return;
      }
      await this.auditLog.lock(manager);
      const current = await this.holds.lockMany(
        manager,
        touched.map((item) => item.decision.consignmentId),
      );
      for (const { decision } of touched) {
        const existing = current.get(decision.consignmentId) ?? null;
        const state = states.get(decision.consignmentId)?.state;
        const result = projectDecision(existing, decision, {
          sla: this.sla.deadlineFor(state, decision.stage, heldAtFor(existing, decision)),
          route: state ? holdRouteOf(state) : pickRoute(existing),
          now: this.clock.now(),
        });
        if (result.kind === 'ignored') {
          continue;
        }
        await this.holds.save(manager, result.hold, result.kind === 'released' ? 'removed' : 'upserted');
        current.set(decision.consignmentId, result.hold);
        await this.auditLog.append(manager, {
          actor: PROJECTION_ACTOR,
          action: `hold.${result.kind}`,
          targetType: 'hold',
          targetId: decision.consignmentId,
          before: auditSnapshot(existing),
          after: auditSnapshot(result.hold),
          detail: {
            decisionId: decision.decisionId,
            sequence: decision.sequence,
            decision: decision.decision,
            source: decision.source,
          },
        });
      }
    });
    return outcomes;
  }

  /** Inserts the decision ids; returns only those not applied before (redelivery after a crash). */
  private async remember(manager: EntityManager, candidates: FreshDecision[]): Promise<FreshDecision[]> {
    const rows: Array<{ event_key: string }> = await manager.query(
      `INSERT INTO processed_event (consumer, event_key, source_topic, source_partition, source_offset)
       SELECT $1, key, topic, partition, "offset"
         FROM unnest($2::text[], $3::text[], $4::int[], $5::bigint[]) AS t(key, topic, partition, "offset")
       ON CONFLICT (consumer, event_key) DO NOTHING
       RETURNING event_key`,
      [
        HOLD_PROJECTION_CONSUMER,
        candidates.map((item) => item.decision.decisionId),
        candidates.map((item) => item.record.topic),
        candidates.map((item) => item.record.partition),
        candidates.map((item) => item.record.offset),
      ],
    );
    const inserted = new Set(rows.map((row) => row.event_key));
    return candidates.filter((item) => inserted.has(item.decision.decisionId));
  }

  private async tally(manager: EntityManager, fresh: FreshDecision[]): Promise<void> {
    const counts = new Map<string, number>();
    for (const { decision } of fresh) {
      const hour = new Date(decision.decidedAt);
      hour.setUTCMinutes(0, 0, 0);
      const key = `${hour.toISOString()}|${decision.decision}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Sorted keys: two instances updating the same hours lock the rows in the same order.
    const keys = [...counts.keys()].sort();
    if (keys.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO ops_decision_hourly (hour, decision, count)
       SELECT hour, decision, count FROM unnest($1::timestamptz[], $2::text[], $3::int[]) AS t(hour, decision, count)
       ON CONFLICT (hour, decision) DO UPDATE SET count = ops_decision_hourly.count + EXCLUDED.count`,
      [
        keys.map((key) => key.split('|')[0]),
        keys.map((key) => key.split('|')[1]),
        keys.map((key) => counts.get(key)),
      ],
    );
  }

  /** HOLDs always; RELEASEs only where a hold exists (most releases never had one). */
  private async holdAffecting(manager: EntityManager, fresh: FreshDecision[]): Promise<FreshDecision[]> {
    const releases = fresh.filter((item) => item.decision.decision === 'RELEASE');
    let held = new Set<string>();
    if (releases.length > 0) {
      const rows: Array<{ consignment_id: string }> = await manager.query(
        `SELECT consignment_id FROM ops_hold WHERE consignment_id = ANY($1)`,
        [releases.map((item) => item.decision.consignmentId)],
      );
      held = new Set(rows.map((row) => row.consignment_id));
    }
    const touched = fresh.filter(
      (item) => item.decision.decision === 'HOLD' || held.has(item.decision.consignmentId),
    );
    // Per consignment in sequence order, whatever order partitions delivered them in.
    return touched.sort(
      (left, right) =>
        left.decision.consignmentId.localeCompare(right.decision.consignmentId) ||
        left.decision.sequence - right.decision.sequence,
    );
  }
}

function pickRoute(hold: Hold | null): {
  portOfLoading: string | null;
  portOfDischarge: string | null;
  placeOfDelivery: string | null;
} {
  return {
    portOfLoading: hold?.portOfLoading ?? null,
    portOfDischarge: hold?.portOfDischarge ?? null,
    placeOfDelivery: hold?.placeOfDelivery ?? null,
  };
}
