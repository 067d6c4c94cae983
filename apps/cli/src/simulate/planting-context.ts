import type { Stage } from '@chokepoint/contracts';
import type {
  ConsignmentPlan,
  PlannedGoods,
  PlannedLicence,
  PlannedLocation,
  PlannedMovement,
  PlannedVessel,
} from './consignment-plan';
import { toDate, type ConsignmentPlanner, type SimulationClock } from './consignment-planner';
import type { IdentifierRegistry } from './identifier-registry';
import type { PartyNameGenerator } from './party-name.generator';
import type { ControlledGoods, SimulationCatalogue } from './simulation-catalogue';
import type { SimulationRandom } from './simulation-random';

const DAY_MS = 86_400_000;

/** Parts of a plan a risk rewrites; two risks never rewrite the same part. */
export type PlanSlot =
  | 'goods0'
  | 'shipper'
  | 'consignee'
  | 'notify'
  | 'origin'
  | 'destination'
  | 'vessel'
  | 'container0'
  | 'controlled'
  | 'uncontrolled'
  | 'seals'
  | 'onward';

export type LicenceVariant = 'VALID' | 'NONE' | 'EXPIRED' | 'WRONG_KIND' | 'NO_REFERENCE';

/** Everything a risk needs to rewrite a clean plan, and the helpers they share. */
export class PlantingContext {
  readonly claimed = new Set<PlanSlot>();

  constructor(
    readonly plan: ConsignmentPlan,
    readonly catalogue: SimulationCatalogue,
    readonly random: SimulationRandom,
    readonly ids: IdentifierRegistry,
    readonly names: PartyNameGenerator,
    readonly planner: ConsignmentPlanner,
    readonly clock: SimulationClock,
  ) {}

  get stage(): Stage {
    if (this.plan.stage === null) {
      throw new Error('risks are planted on consignments in scope only');
    }
    return this.plan.stage;
  }

  canClaim(slots: readonly PlanSlot[]): boolean {
    if (slots.includes('controlled') && this.claimed.has('uncontrolled')) {
      return false;
    }
    if (slots.includes('uncontrolled') && this.claimed.has('controlled')) {
      return false;
    }
    return slots.every((slot) => slot === 'controlled' || !this.claimed.has(slot));
  }

  claim(slots: readonly PlanSlot[]): void {
    slots.forEach((slot) => this.claimed.add(slot));
  }

  note(text: string): void {
    this.plan.truth.notes.push(text);
  }

  licence(variant: LicenceVariant): PlannedLicence | undefined {
    const stage = this.stage;
    const kind = stage === 'IMPORT' ? 'IMPORT' : 'EXPORT';
    const day = this.plan.manifestAt;
    const reference = (k: 'EXPORT' | 'IMPORT'): string =>
      `${k === 'EXPORT' ? 'XK' : 'NK'}-${new Date(day).getUTCFullYear()}-${this.random.digits(6)}`;
    switch (variant) {
      case 'NONE':
        return undefined;
      case 'VALID':
        return {
          kind,
          isRequired: true,
          reference: reference(kind),
          issueDate: toDate(day - this.random.int(20, 300) * DAY_MS),
          expiryDate: toDate(day + this.random.int(60, 400) * DAY_MS),
        };
      case 'EXPIRED':
        return {
          kind,
          isRequired: true,
          reference: reference(kind),
          issueDate: toDate(day - this.random.int(400, 800) * DAY_MS),
          expiryDate: toDate(day - this.random.int(5, 120) * DAY_MS),
        };
      case 'WRONG_KIND': {
        const other = kind === 'EXPORT' ? 'IMPORT' : 'EXPORT';
        return {
          kind: other,
          isRequired: true,
          reference: reference(other),
          issueDate: toDate(day - this.random.int(20, 300) * DAY_MS),
          expiryDate: toDate(day + this.random.int(60, 400) * DAY_MS),
        };
      }
      case 'NO_REFERENCE':
        return { kind, isRequired: true };
    }
  }

  /** A variant that leaves the goods unlicensed for this stage (transit and transshipment take any licence). */
  missingLicenceVariant(): LicenceVariant {
    const directional = this.stage === 'EXPORT' || this.stage === 'IMPORT';
    return this.random.weighted<LicenceVariant>([
      ['NONE', 45],
      ['EXPIRED', 25],
      ['WRONG_KIND', directional ? 15 : 0],
      ['NO_REFERENCE', 15],
    ]);
  }

  controlledFrom(lists: readonly (keyof SimulationCatalogue['risk']['controlledGoods'])[]): ControlledGoods {
    const pool = lists.flatMap((list) => this.catalogue.risk.controlledGoods[list]);
    return this.random.pick(pool);
  }

  /**
   * Puts goods on the consignment: either they are what the first item really is (its boxes and
   * weights kept), or a few packages stowed with the first item's box.
   */
  placeGoods(goods: Omit<PlannedGoods, 'cargo'>, replaceFirst: boolean): void {
    const first = this.plan.goods[0];
    if (replaceFirst && first && this.canClaim(['goods0'])) {
      this.claim(['goods0']);
      this.plan.goods[0] = { ...goods, cargo: first.cargo };
      return;
    }
    const packages = this.random.int(4, 60);
    this.plan.goods.push({
      ...goods,
      cargo: [{ containerIndex: 0, packages, grossWeightKg: packages * this.random.int(12, 45) }],
    });
  }

  /** Replaces a ship everywhere it appears: in the document's voyages and on every move. */
  replaceVessel(old: PlannedVessel, replacement: PlannedVessel): void {
    this.plan.vesselVoyages = this.plan.vesselVoyages.map((v) => (v === old ? replacement : v));
    for (const movement of this.plan.movements) {
      if (movement.vessel === old) {
        movement.vessel = replacement;
      }
    }
  }

  /** The ship a risk should sit on: the calling ship, or for a transshipment possibly the onward one. */
  targetVessel(): PlannedVessel {
    const onward = this.plan.vesselVoyages[1];
    if (onward && this.random.chance(0.4) && this.canClaim(['onward'])) {
      return onward;
    }
    const main = this.plan.vesselVoyages[0];
    if (!main) {
      throw new Error('a plan always has a ship');
    }
    return main;
  }

  setDestination(place: PlannedLocation): void {
    const route = this.plan.route;
    if (route.placeOfDelivery || route.portOfDischarge.code?.startsWith(this.catalogue.jurisdiction)) {
      route.placeOfDelivery = place;
    } else {
      route.portOfDischarge = place;
    }
  }

  destination(): PlannedLocation {
    return this.plan.route.placeOfDelivery ?? this.plan.route.portOfDischarge;
  }

  movementsOf(containerIndex: number): PlannedMovement[] {
    return this.plan.movements.filter((m) => m.containerIndex === containerIndex);
  }

  first(code: PlannedMovement['code'], containerIndex?: number): PlannedMovement | undefined {
    return this.plan.movements.find(
      (m) => m.code === code && (containerIndex === undefined || m.containerIndex === containerIndex),
    );
  }

  /** Moves every move at or after `from` later by `byMs` (keeps their order). */
  delayFrom(from: number, byMs: number, only?: (m: PlannedMovement) => boolean): void {
    for (const movement of this.plan.movements) {
      if (movement.at >= from && (only === undefined || only(movement))) {
        movement.at += byMs;
      }
    }
    this.sortMovements();
  }

  sortMovements(): void {
    this.plan.movements.sort((a, b) => a.at - b.at);
  }

  /** A place by UN/LOCODE with the reference data's name. */
  place(code: string, fallbackName?: string): PlannedLocation {
    return { code, name: this.catalogue.placeName(code) ?? fallbackName ?? code };
  }
}
