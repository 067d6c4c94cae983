import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import type { AuditActor } from '../audit/audit-chain';
import { AuditLogService } from '../audit/audit-log.service';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/roles';
import { CLOCK, type Clock } from '../clock/clock';
import { OpsException } from '../http/ops.exception';
import { SlaPolicy } from '../sla/sla-policy';
import { UserRepository } from '../users/user.repository';
import { type Hold, isActive } from './hold';
import { HoldNoteRepository } from './hold-note.repository';
import { releasedHold } from './hold-projection';
import { auditSnapshot, type HoldSummary, toHoldSummary } from './hold-summary';
import { assertAllowed, transitions } from './hold-transitions';
import { HoldRepository } from './hold.repository';
import type { AssignHoldDto, HoldTextDto, ReleaseHoldDto } from './holds.dto';
import { HoldsErrorCode, HoldsException } from './holds.exception';
import { ScreeningErrorCode, ScreeningGatewayException } from './http-officer-decision.gateway';
import {
  OFFICER_DECISION_GATEWAY,
  type OfficerDecisionGateway,
  type OfficerDecisionResult,
} from './officer-decision.gateway';

interface Change {
  hold: Hold;
  detail?: Record<string, unknown>;
  /** Extra writes in the same transaction (a note row). */
  also?: (manager: EntityManager) => Promise<void>;
}

function actorOf(principal: Principal): AuditActor {
  return { kind: principal.kind, id: principal.id, name: principal.username };
}

/**
 * Officer and supervisor actions on a hold. Each change, its audit entry and its live-update notice
 * commit together; a release asks screening first and records what screening answered.
 */
@Injectable()
export class HoldActionsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OFFICER_DECISION_GATEWAY) private readonly gateway: OfficerDecisionGateway,
    private readonly holds: HoldRepository,
    private readonly notes: HoldNoteRepository,
    private readonly users: UserRepository,
    private readonly auditLog: AuditLogService,
    private readonly sla: SlaPolicy,
  ) {}

  claim(id: string, actor: Principal): Promise<HoldSummary> {
    return this.change(id, actor, 'hold.claimed', (hold, now) => ({
      hold: transitions.claim(hold, actor.id, now),
    }));
  }

  async assign(id: string, dto: AssignHoldDto, actor: Principal): Promise<HoldSummary> {
    const assignee = await this.users.findById(dto.userId);
    if (!assignee || !assignee.active || !hasRole(assignee.roles, 'officer')) {
      throw new HoldsException(
        HoldsErrorCode.invalidAssignee,
        'holds can be assigned to active officers only',
        [{ field: 'userId', code: 'notAnOfficer', message: 'no active officer has this id' }],
      );
    }
    return this.change(id, actor, 'hold.assigned', (hold, now) => ({
      hold: transitions.assign(hold, assignee.id, now),
      detail: { assignee: { id: assignee.id, displayName: assignee.displayName } },
    }));
  }

  addNote(id: string, dto: HoldTextDto, actor: Principal): Promise<HoldSummary> {
    const noteId = randomUUID();
    return this.change(id, actor, 'hold.note_added', (hold, now) => ({
      hold: transitions.note(hold, now),
      detail: { noteId, text: dto.text },
      also: (manager) =>
        this.notes.insert(manager, {
          id: noteId,
          consignmentId: id,
          authorId: this.requireUser(actor),
          text: dto.text,
          createdAt: now,
        }),
    }));
  }

  requestInfo(id: string, dto: HoldTextDto, actor: Principal): Promise<HoldSummary> {
    return this.change(id, actor, 'hold.info_requested', (hold, now) => ({
      hold: transitions.requestInfo(hold, now),
      detail: { text: dto.text },
    }));
  }

  infoReceived(id: string, dto: HoldTextDto, actor: Principal): Promise<HoldSummary> {
    return this.change(id, actor, 'hold.info_received', (hold, now) => ({
      hold: transitions.infoReceived(hold, now),
      detail: { text: dto.text },
    }));
  }

  referInspection(id: string, dto: HoldTextDto, actor: Principal): Promise<HoldSummary> {
    return this.change(id, actor, 'hold.referred_for_inspection', (hold, now) => ({
      hold: transitions.referInspection(hold, now),
      detail: { text: dto.text },
    }));
  }

  seize(id: string, dto: HoldTextDto, actor: Principal): Promise<HoldSummary> {
    this.requireUser(actor);
    return this.change(id, actor, 'hold.seized', (hold, now) => ({
      hold: transitions.seize(hold, now),
      detail: { text: dto.text },
    }));
  }

  /**
   * Screening owns the decision: it applies the two-officer rule and publishes the OFFICER RELEASE.
   * The queue follows its answer at once (the projection sees the same decision later and skips it).
   */
  async release(id: string, dto: ReleaseHoldDto, actor: Principal): Promise<HoldSummary> {
    const officerId = this.requireUser(actor);
    const current = await this.holds.find(id);
    if (!current) {
      throw this.notFound(id);
    }
    assertAllowed('release', current);
    if (current.status === 'AWAITING_SECOND_OFFICER' && current.firstReleaseBy === officerId) {
      throw new HoldsException(
        HoldsErrorCode.secondOfficerRequired,
        'a second, different officer must confirm this release',
      );
    }
    const actionId = randomUUID();
    const text = dto.text ?? '';
    const result = await this.gateway.submit({
      actionId,
      consignmentId: id,
      officerId,
      action: 'RELEASE',
      reasonCode: dto.reasonCode,
      text,
    });
    const detail = {
      actionId,
      reasonCode: dto.reasonCode,
      text,
      screeningStatus: result.status,
      decisionId: result.decision?.decisionId ?? null,
    };
    switch (result.status) {
      case 'RELEASED':
        return this.change(id, actor, 'hold.released', (hold, now) => ({
          hold: isActive(hold.status) ? releasedHold(hold, result.decision ?? null, now, now) : hold,
          detail: { ...detail, firstApprovalBy: hold.firstReleaseBy },
        }));
      case 'AWAITING_SECOND_OFFICER':
        return this.change(id, actor, 'hold.release_first_approval', (hold, now) => ({
          hold: isActive(hold.status) ? transitions.firstApproval(hold, officerId, now) : hold,
          detail,
        }));
      case 'SAME_OFFICER_AGAIN':
        await this.refused(id, actor, detail);
        throw new HoldsException(
          HoldsErrorCode.secondOfficerRequired,
          'a second, different officer must confirm this release',
        );
      case 'NOTHING_TO_RELEASE':
        await this.refused(id, actor, detail);
        throw new HoldsException(
          HoldsErrorCode.nothingToRelease,
          'screening has no hold to release for this consignment',
        );
      case 'OUT_OF_SCOPE':
        await this.refused(id, actor, detail);
        throw new HoldsException(HoldsErrorCode.outOfScope, 'screening has this consignment out of scope');
      case 'HELD':
      case 'ALREADY_HELD':
        throw unexpected(result);
    }
  }

  private async refused(id: string, actor: Principal, detail: Record<string, unknown>): Promise<void> {
    await this.auditLog.appendAlone({
      actor: actorOf(actor),
      action: 'hold.release_refused',
      targetType: 'hold',
      targetId: id,
      detail,
    });
  }

  private requireUser(actor: Principal): string {
    if (actor.kind !== 'USER') {
      throw new OpsException(
        'auth.user_required',
        HttpStatus.FORBIDDEN,
        'this action needs a signed-in officer, not a service token',
      );
    }
    return actor.id;
  }

  private notFound(id: string): HoldsException {
    return new HoldsException(HoldsErrorCode.notFound, `no hold for consignment ${id}`);
  }

  private async change(
    id: string,
    actor: Principal,
    action: string,
    apply: (hold: Hold, now: Date) => Change,
  ): Promise<HoldSummary> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // The audit lock first, then the row: the same order as the projection, so neither deadlocks.
      await this.auditLog.lock(manager);
      const current = await this.holds.lock(manager, id);
      if (!current) {
        throw this.notFound(id);
      }
      const { hold, detail, also } = apply(current, now);
      await this.holds.save(
        manager,
        hold,
        isActive(current.status) && !isActive(hold.status) ? 'removed' : 'upserted',
      );
      await also?.(manager);
      await this.auditLog.append(manager, {
        actor: actorOf(actor),
        action,
        targetType: 'hold',
        targetId: id,
        before: auditSnapshot(current),
        after: auditSnapshot(hold),
        detail: detail ?? null,
      });
    });
    const saved = await this.holds.find(id);
    if (!saved) {
      throw this.notFound(id);
    }
    return toHoldSummary(saved, this.clock.now(), this.sla.nearMs);
  }
}

function unexpected(result: OfficerDecisionResult): ScreeningGatewayException {
  return new ScreeningGatewayException(
    ScreeningErrorCode.badResponse,
    `screening answered ${result.status} to a release`,
  );
}
