import type {
  ConsignmentManifest,
  DecisionEvent,
  DecisionTrigger,
  MovementEvent,
  Stage,
} from '@chokepoint/contracts';
import { draftRulesDecision, issueDecision, shouldPublish } from '../decision/decision-publisher';
import { evaluateRules } from '../decision/rule-evaluator';
import { dwellDeadlineMs } from '../rules/dwell-exceeded.rule';
import { transitDeadlineMs } from '../rules/transit-overdue.rule';
import {
  CONSIGNMENT_STATE_VERSION,
  type AmendmentRecord,
  type ConsignmentState,
  type ConsignmentTransition,
  type OfficerAction,
  type OfficerTransition,
  type ScreeningContext,
  type TimerChanges,
  type TimerSpec,
} from './consignment-state.types';
import { buildJourneyFacts, type JourneyFacts } from './journey-facts';
import { parseEventTime } from './location';
import { buildScreeningInput, screenSanctions, termsOf, vesselsOf } from './screening-input.builder';
import { resolveStage } from './stage-resolver';

const TWO_OFFICER_CATEGORIES = new Set(['NUCLEAR', 'CHEMICAL_BIOLOGICAL', 'MISSILE']);

export function movementKey(movement: Pick<MovementEvent, 'originatingParty' | 'eventId'>): string {
  return `${movement.originatingParty}\u0000${movement.eventId}`;
}

export function manifestEventId(manifest: ConsignmentManifest): string {
  return `${manifest.transportDocumentReference}@${manifest.receivedAt}`;
}

/** Inserts (or replaces) an UPSERT, keeping event-time order; RETRACT removes. Copies the list once. */
function mergeMovement(movements: readonly MovementEvent[], movement: MovementEvent): MovementEvent[] | null {
  const existing = movements.findIndex(
    (m) => m.eventId === movement.eventId && m.originatingParty === movement.originatingParty,
  );
  if (movement.action === 'RETRACT') {
    return existing < 0 ? null : movements.filter((_, index) => index !== existing);
  }
  const next = existing < 0 ? movements.slice() : movements.filter((_, index) => index !== existing);
  const atMs = parseEventTime(movement.eventDateTime);
  let position = next.length;
  while (position > 0) {
    const before = next[position - 1];
    if (before && parseEventTime(before.eventDateTime) <= atMs) {
      break;
    }
    position -= 1;
  }
  next.splice(position, 0, movement);
  return next;
}

function newState(manifest: ConsignmentManifest): ConsignmentState {
  return {
    stateVersion: CONSIGNMENT_STATE_VERSION,
    consignmentId: manifest.transportDocumentReference,
    manifest,
    manifestVersion: 1,
    firstTerms: termsOf(manifest),
    amendments: [],
    movements: [],
    stage: null,
    published: null,
    acknowledgedRuleIds: [],
    pendingApprovals: [],
    timers: [],
    closed: false,
    sanctions: { listKey: '', names: {}, imos: {} },
  };
}

function amendmentOf(state: ConsignmentState, manifest: ConsignmentManifest): AmendmentRecord | null {
  const before = termsOf(state.manifest);
  const after = termsOf(manifest);
  const changed: AmendmentRecord['changed'] = [];
  if (
    before.placeOfDelivery !== after.placeOfDelivery ||
    before.destinationCountry !== after.destinationCountry
  ) {
    changed.push('DESTINATION');
  }
  if (before.consigneeName !== after.consigneeName || before.consigneeCountry !== after.consigneeCountry) {
    changed.push('CONSIGNEE');
  }
  if (changed.length === 0) {
    return null;
  }
  return { version: state.manifestVersion + 1, receivedAt: manifest.receivedAt, changed, before, after };
}

/**
 * A manifest, first or amended (same transport document reference replaces the earlier version).
 * `pending` are movements that arrived before it; they are applied in the same screening.
 */
export function applyManifest(
  state: ConsignmentState | undefined,
  manifest: ConsignmentManifest,
  ctx: ScreeningContext,
  pending: readonly MovementEvent[] = [],
): ConsignmentTransition {
  let next: ConsignmentState;
  if (!state) {
    next = newState(manifest);
  } else {
    // An older version delivered late must not overwrite a newer one.
    if (parseEventTime(manifest.receivedAt) < parseEventTime(state.manifest.receivedAt)) {
      return unchanged(state);
    }
    const amendment = amendmentOf(state, manifest);
    next = {
      ...state,
      manifest,
      manifestVersion: state.manifestVersion + 1,
      amendments: amendment ? [...state.amendments, amendment] : state.amendments,
    };
  }
  let movements = next.movements;
  for (const movement of pending) {
    movements = mergeMovement(movements, movement) ?? movements;
  }
  next = movements === next.movements ? next : { ...next, movements };
  return screen(next, { type: 'MANIFEST', eventId: manifestEventId(manifest) }, ctx);
}

/** A movement joined to this consignment. Replaces an earlier UPSERT with the same id; RETRACT withdraws. */
export function applyMovement(
  state: ConsignmentState,
  movement: MovementEvent,
  ctx: ScreeningContext,
): ConsignmentTransition {
  const movements = mergeMovement(state.movements, movement);
  if (!movements) {
    return unchanged(state);
  }
  return screen({ ...state, movements }, { type: 'MOVEMENT', eventId: movement.eventId }, ctx);
}

/** A timer came due (ctx.now = its due time): re-screen; the timed rule fires if its condition still holds. */
export function applyTimer(
  state: ConsignmentState,
  timer: TimerSpec,
  ctx: ScreeningContext,
): ConsignmentTransition {
  const timers = state.timers.filter((t) => t.timerId !== timer.timerId);
  return screen({ ...state, timers }, { type: 'TIMER', eventId: `${timer.timerId}@${timer.dueAt}` }, ctx);
}

/** An officer releases (two different officers for NUCLEAR, CHEMICAL_BIOLOGICAL, MISSILE) or holds. */
export function applyOfficerDecision(
  state: ConsignmentState,
  action: OfficerAction,
  ctx: ScreeningContext,
): OfficerTransition {
  const published = state.published;
  const stage = state.stage ?? published?.stage;
  if (!published || !stage) {
    return { ...unchanged(state), status: 'OUT_OF_SCOPE' };
  }
  const trigger: DecisionTrigger = { type: 'OFFICER', eventId: action.actionId };
  if (action.action === 'HOLD') {
    if (published.decision === 'HOLD') {
      return { ...unchanged(state), status: 'ALREADY_HELD' };
    }
    const { event, published: next } = issueDecision(
      state,
      {
        decision: 'HOLD',
        source: 'OFFICER',
        stage,
        score: 0,
        categories: ['OTHER'],
        reasons: [],
        holdRuleIds: [],
        trigger,
      },
      { ...ctx, now: action.at },
    );
    return {
      state: { ...state, published: next, pendingApprovals: [] },
      decisions: [event],
      timers: noTimers(),
      status: 'HELD',
    };
  }
  if (published.decision !== 'HOLD') {
    return { ...unchanged(state), status: 'NOTHING_TO_RELEASE' };
  }
  const needsTwo = published.categories.some((category) => TWO_OFFICER_CATEGORIES.has(category));
  if (needsTwo) {
    const first = state.pendingApprovals[0];
    if (!first) {
      const approval = { officerId: action.officerId, at: action.at, actionId: action.actionId };
      return {
        state: { ...state, pendingApprovals: [approval] },
        decisions: [],
        timers: noTimers(),
        status: 'AWAITING_SECOND_OFFICER',
      };
    }
    if (first.officerId === action.officerId) {
      return { ...unchanged(state), status: 'SAME_OFFICER_AGAIN' };
    }
  }
  const { event, published: next } = issueDecision(
    state,
    {
      decision: 'RELEASE',
      source: 'OFFICER',
      stage,
      score: 0,
      categories: [],
      reasons: [],
      holdRuleIds: [],
      trigger,
    },
    { ...ctx, now: action.at },
  );
  const acknowledged = new Set(state.acknowledgedRuleIds);
  published.reasons.forEach((reason) => acknowledged.add(reason.ruleId));
  return {
    state: { ...state, published: next, pendingApprovals: [], acknowledgedRuleIds: [...acknowledged] },
    decisions: [event],
    timers: noTimers(),
    status: 'RELEASED',
  };
}

function noTimers(): TimerChanges {
  return { set: [], cancel: [] };
}

function unchanged(state: ConsignmentState): ConsignmentTransition {
  return { state, decisions: [], timers: noTimers() };
}

/** Timers still worth arming: the condition holds and the deadline lies ahead. */
function desiredTimers(
  consignmentId: string,
  stage: Stage | null,
  journey: JourneyFacts,
  ctx: ScreeningContext,
  nowMs: number,
): TimerSpec[] {
  const timers: TimerSpec[] = [];
  const limits = ctx.rulePack.limits;
  if (stage === 'TRANSIT' && journey.entry && !journey.exit) {
    const dueMs = transitDeadlineMs(journey.entry.atMs, limits.transitMaxHours);
    if (dueMs > nowMs) {
      timers.push({
        timerId: `${consignmentId}:TRANSIT_OVERDUE`,
        consignmentId,
        ruleId: 'TRANSIT_OVERDUE',
        dueAt: new Date(dueMs).toISOString(),
      });
    }
  }
  if (stage === 'TRANSSHIPMENT') {
    for (const stay of journey.stays) {
      const dueMs = dwellDeadlineMs(stay.arrivedMs, limits.dwellMaxHours);
      if (dueMs > nowMs) {
        timers.push({
          timerId: `${consignmentId}:DWELL_EXCEEDED:${stay.equipmentReference}`,
          consignmentId,
          ruleId: 'DWELL_EXCEEDED',
          dueAt: new Date(dueMs).toISOString(),
          equipmentReference: stay.equipmentReference,
        });
      }
    }
  }
  return timers;
}

function diffTimers(current: readonly TimerSpec[], desired: readonly TimerSpec[]): TimerChanges {
  const set = desired.filter((d) => !current.some((c) => c.timerId === d.timerId && c.dueAt === d.dueAt));
  const cancel = current.filter((c) => !desired.some((d) => d.timerId === c.timerId)).map((c) => c.timerId);
  return { set, cancel };
}

/** Resolve the stage, run the stage's rules, apply the publication rules, work out timers. */
function screen(
  state: ConsignmentState,
  trigger: DecisionTrigger,
  ctx: ScreeningContext,
): ConsignmentTransition {
  const pack = ctx.rulePack;
  const nowMs = parseEventTime(ctx.now);
  const journey = buildJourneyFacts(state.movements, ctx.jurisdiction, pack);
  const stage = resolveStage(state.manifest, journey, ctx.jurisdiction);
  const closed = journey.exit !== null || (stage === 'IMPORT' && journey.emptied);
  const desired = desiredTimers(state.consignmentId, stage, journey, ctx, nowMs);
  const timers = diffTimers(state.timers, desired);

  if (stage === null) {
    return { state: { ...state, stage, closed, timers: desired }, decisions: [], timers };
  }
  const vessels = vesselsOf(state);
  const imos = vessels.map((v) => v.vessel.imoNumber).filter((imo): imo is string => imo !== undefined);
  const sanctions = screenSanctions(
    state.sanctions,
    state.manifest.parties.map((party) => party.name),
    imos,
    ctx.sanctions,
  );
  let next: ConsignmentState = { ...state, stage, closed, timers: desired, sanctions };
  const input = buildScreeningInput(
    next,
    stage,
    journey,
    vessels,
    pack,
    ctx.now,
    ctx.jurisdiction,
    ctx.goodsFactsCache,
  );
  const evaluation = evaluateRules(input, pack);
  const decisions: DecisionEvent[] = [];
  if (shouldPublish(next, evaluation)) {
    const draft = draftRulesDecision(next, evaluation, stage, trigger);
    const { event, published } = issueDecision(next, draft, ctx);
    decisions.push(event);
    const pendingApprovals = published.decision === 'HOLD' ? [] : next.pendingApprovals;
    next = { ...next, published, pendingApprovals };
  }
  return { state: next, decisions, timers };
}
