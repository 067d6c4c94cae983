import { pauseSla, resumeSla } from '../sla/sla-clock';
import { ACTIVE_HOLD_STATUSES, type Hold, type HoldStatus } from './hold';
import { HoldsErrorCode, HoldsException } from './holds.exception';

export const HOLD_ACTIONS = [
  'claim',
  'assign',
  'note',
  'request-info',
  'info-received',
  'release',
  'refer-inspection',
  'seizure',
] as const;
export type HoldAction = (typeof HOLD_ACTIONS)[number];

/** The statuses each officer action may start from; anything else is a 409. */
export const ALLOWED_FROM: Record<HoldAction, readonly HoldStatus[]> = {
  claim: ACTIVE_HOLD_STATUSES,
  assign: ACTIVE_HOLD_STATUSES,
  note: [...ACTIVE_HOLD_STATUSES, 'RELEASED', 'SEIZED'],
  'request-info': ['OPEN', 'CLAIMED', 'REFERRED'],
  'info-received': ['INFO_REQUESTED'],
  release: ACTIVE_HOLD_STATUSES,
  'refer-inspection': ['OPEN', 'CLAIMED', 'AWAITING_SECOND_OFFICER'],
  seizure: ACTIVE_HOLD_STATUSES,
};

export function assertAllowed(action: HoldAction, hold: Hold): void {
  if (!ALLOWED_FROM[action].includes(hold.status)) {
    throw new HoldsException(
      HoldsErrorCode.invalidState,
      `cannot ${action.replace('-', ' ')} a hold that is ${hold.status}`,
    );
  }
}

function slaOf(hold: Hold): Parameters<typeof pauseSla>[0] {
  return { pauses: hold.slaPauses, pausedSince: hold.slaPausedSince, pausedMs: hold.slaPausedMs };
}

function withSla(hold: Hold, sla: Parameters<typeof pauseSla>[0]): Hold {
  return {
    ...hold,
    slaPauses: sla.pauses,
    slaPausedSince: sla.pausedSince,
    slaPausedMs: sla.pausedMs,
    deadline: new Date(hold.baseDeadline.getTime() + sla.pausedMs),
  };
}

/** Officer actions that only change the hold queue (release goes through screening first). */
export const transitions = {
  claim(hold: Hold, officerId: string, now: Date): Hold {
    assertAllowed('claim', hold);
    if (hold.assigneeId && hold.assigneeId !== officerId) {
      throw new HoldsException(
        HoldsErrorCode.claimedByOther,
        'another officer has this hold; a supervisor can reassign it',
      );
    }
    return {
      ...hold,
      assigneeId: officerId,
      status: hold.status === 'OPEN' ? 'CLAIMED' : hold.status,
      updatedAt: now,
    };
  },

  assign(hold: Hold, userId: string, now: Date): Hold {
    assertAllowed('assign', hold);
    return {
      ...hold,
      assigneeId: userId,
      status: hold.status === 'OPEN' ? 'CLAIMED' : hold.status,
      updatedAt: now,
    };
  },

  note(hold: Hold, now: Date): Hold {
    assertAllowed('note', hold);
    return { ...hold, updatedAt: now };
  },

  requestInfo(hold: Hold, now: Date): Hold {
    assertAllowed('request-info', hold);
    return { ...withSla(hold, pauseSla(slaOf(hold), now)), status: 'INFO_REQUESTED', updatedAt: now };
  },

  infoReceived(hold: Hold, now: Date): Hold {
    assertAllowed('info-received', hold);
    const status: HoldStatus = hold.assigneeId ? 'CLAIMED' : 'OPEN';
    return { ...withSla(hold, resumeSla(slaOf(hold), now)), status, updatedAt: now };
  },

  referInspection(hold: Hold, now: Date): Hold {
    assertAllowed('refer-inspection', hold);
    return { ...hold, status: 'REFERRED', updatedAt: now };
  },

  seize(hold: Hold, now: Date): Hold {
    assertAllowed('seizure', hold);
    return { ...withSla(hold, resumeSla(slaOf(hold), now)), status: 'SEIZED', closedAt: now, updatedAt: now };
  },

  firstApproval(hold: Hold, officerId: string, now: Date): Hold {
    return {
      ...withSla(hold, resumeSla(slaOf(hold), now)),
      status: 'AWAITING_SECOND_OFFICER',
      firstReleaseBy: officerId,
      updatedAt: now,
    };
  },
};
