import type { MovementEvent, Stage } from '@chokepoint/contracts';

export const DEADLINE_BASES = ['ONWARD_DEPARTURE', 'LOADING', 'ARRIVAL', 'CONFIGURED'] as const;
export type DeadlineBasis = (typeof DEADLINE_BASES)[number];

export interface SlaDeadline {
  deadline: Date;
  basis: DeadlineBasis;
}

/** The parts of a consignment's state that date its physical milestones. */
export interface CargoMilestoneInput {
  stage: Stage;
  jurisdiction: string;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  movements: ReadonlyArray<
    Pick<MovementEvent, 'eventCode' | 'classifier' | 'eventDateTime'> & {
      location?: { unLocode?: string; countryCode?: string } | undefined;
    }
  >;
}

type Movement = CargoMilestoneInput['movements'][number];

/** Newer knowledge wins: an actual beats an estimate, which beats a plan. */
const CLASSIFIER_RANK: Record<string, number> = { ACT: 3, EST: 2, PLN: 1 };

function countryOf(movement: Movement): string | null {
  return movement.location?.unLocode?.slice(0, 2) ?? movement.location?.countryCode ?? null;
}

function timeOf(movement: Movement): number {
  return Date.parse(movement.eventDateTime);
}

/** Best-classified candidate, earliest among equals; its time, or null. */
function pick(candidates: Movement[]): number | null {
  let best: { rank: number; at: number } | null = null;
  for (const movement of candidates) {
    const rank = CLASSIFIER_RANK[movement.classifier] ?? 0;
    const at = timeOf(movement);
    if (rank === 0 || Number.isNaN(at)) {
      continue;
    }
    if (!best || rank > best.rank || (rank === best.rank && at < best.at)) {
      best = { rank, at };
    }
  }
  return best?.at ?? null;
}

function atPort(movement: Movement, port: string | null, jurisdiction: string): boolean {
  if (port) {
    return movement.location?.unLocode === port;
  }
  return countryOf(movement) === jurisdiction;
}

/**
 * When the cargo physically moves on, so the hold must be decided before: the onward vessel's
 * departure for a transshipment (a DEPA or LOAD at a port inside after the discharge there), loading
 * for an export, arrival for an import. Null when the state names no such milestone.
 */
export function cargoMilestone(input: CargoMilestoneInput): { at: Date; basis: DeadlineBasis } | null {
  const inside = (movement: Movement): boolean => countryOf(movement) === input.jurisdiction;
  switch (input.stage) {
    case 'TRANSSHIPMENT': {
      const discharges = input.movements.filter(
        (movement) => movement.eventCode === 'DISC' && movement.classifier === 'ACT' && inside(movement),
      );
      const dischargedAt = Math.max(-Infinity, ...discharges.map(timeOf).filter((at) => !Number.isNaN(at)));
      const onward = input.movements.filter(
        (movement) =>
          (movement.eventCode === 'DEPA' || movement.eventCode === 'LOAD') &&
          inside(movement) &&
          timeOf(movement) > dischargedAt,
      );
      const at = pick(onward);
      return at === null ? null : { at: new Date(at), basis: 'ONWARD_DEPARTURE' };
    }
    case 'EXPORT': {
      const loading = input.movements.filter(
        (movement) =>
          (movement.eventCode === 'LOAD' || movement.eventCode === 'DEPA') &&
          inside(movement) &&
          atPort(movement, input.portOfLoading, input.jurisdiction),
      );
      const at = pick(loading);
      return at === null ? null : { at: new Date(at), basis: 'LOADING' };
    }
    case 'IMPORT': {
      const arrivals = input.movements.filter(
        (movement) =>
          movement.eventCode === 'ARRI' &&
          inside(movement) &&
          atPort(movement, input.portOfDischarge, input.jurisdiction),
      );
      const at = pick(arrivals);
      return at === null ? null : { at: new Date(at), basis: 'ARRIVAL' };
    }
    case 'TRANSIT':
      return null;
  }
}

/**
 * The hold's deadline: the cargo's milestone when one is known and still ahead of the hold, else the
 * configured duration from the moment of the hold.
 */
export function slaDeadline(
  input: CargoMilestoneInput | null,
  heldAt: Date,
  defaultHours: number,
): SlaDeadline {
  const milestone = input ? cargoMilestone(input) : null;
  if (milestone && milestone.at.getTime() > heldAt.getTime()) {
    return { deadline: milestone.at, basis: milestone.basis };
  }
  return { deadline: new Date(heldAt.getTime() + defaultHours * 3_600_000), basis: 'CONFIGURED' };
}
