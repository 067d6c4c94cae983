import type { Stage } from '@chokepoint/contracts';
import type {
  ConsignmentPlan,
  PlannedContainer,
  PlannedDocumentParties,
  PlannedGoods,
  PlannedLocation,
  PlannedMovement,
  PlannedRoute,
  PlannedVessel,
} from './consignment-plan';
import type { IdentifierRegistry } from './identifier-registry';
import type { PartyNameGenerator } from './party-name.generator';
import { LESSOR_PREFIXES, type CarrierProfile } from './reference/carriers';
import { CARGO_KG_BY_DENSITY, CONTAINER_TYPES, type GoodsProfile } from './reference/goods-mix';
import type { JurisdictionPort, PartnerPort, TradeLane, TransitCorridor } from './reference/port-profiles';
import type { CatalogueVessel, SimulationCatalogue } from './simulation-catalogue';
import type { SimulationRandom } from './simulation-random';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface SimulationClock {
  startMs: number;
  endMs: number;
}

/** A ship's stay at one of the jurisdiction's ports; consignments are loaded or discharged during it. */
export interface VesselCall {
  port: JurisdictionPort;
  vessel: PlannedVessel;
  carrier: CarrierProfile;
  arrivalMs: number;
  departureMs: number;
}

export interface ConsignmentSpec {
  /** null: cargo that stays on board while the ship calls (out of scope). */
  stage: Stage | null;
  call: VesselCall;
  /** TRANSSHIPMENT: the bill routes to the hub (port of discharge inside) or names only origin and destination. */
  routeNamesHub?: boolean;
  corridor?: TransitCorridor;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function toDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Builds a clean consignment (documents, boxes, moves) for a stage; risks are planted on top of it. */
export class ConsignmentPlanner {
  constructor(
    private readonly catalogue: SimulationCatalogue,
    private readonly random: SimulationRandom,
    private readonly clock: SimulationClock,
    private readonly ids: IdentifierRegistry,
    private readonly names: PartyNameGenerator,
  ) {}

  plan(spec: ConsignmentSpec): ConsignmentPlan {
    const { call, stage } = spec;
    const carrier = call.carrier;
    const port: PlannedLocation = { code: call.port.code, name: call.port.name };
    const goods = this.pickGoods(stage);
    const route = this.route(spec, port);
    const containers = this.containers(goods, carrier);
    const manifestGoods = this.cargo(goods, containers);
    const parties = this.parties(stage, route, goods[0]?.sector ?? 'INDUSTRIAL');
    const vesselVoyages = [call.vessel];
    if (stage === 'TRANSSHIPMENT') {
      vesselVoyages.push(this.onwardVessel(call.vessel));
    }
    const plan: ConsignmentPlan = {
      transportDocumentReference: this.ids.billOfLading(carrier.scac, carrier.billDigits),
      bookingReference: this.ids.booking(),
      carrierScac: carrier.scac,
      carrierName: carrier.name,
      carrierAgent: carrier.agent,
      carrierAddress: carrier.address,
      stage,
      port,
      manifestAt: 0,
      issueDate: '',
      route,
      vesselVoyages,
      statesVesselImo: this.random.chance(0.7),
      parties,
      goods: manifestGoods,
      containers,
      movements: [],
      amendments: [],
      truth: {
        scenario: stage === null ? 'OUT_OF_SCOPE' : 'CLEAN',
        primaryReasonCode: null,
        plantedReasonCodes: [],
        benignReasonCodes: [],
        holdReasonCodes: [],
        expectedOutcome: stage === null ? 'NONE' : 'RELEASE',
        notes: [],
      },
    };
    this.timeline(plan, spec);
    plan.issueDate = toDate(plan.manifestAt);
    return plan;
  }

  /** A ship of the catalogue other than the given one, for the onward leg of a transshipment. */
  onwardVessel(first: PlannedVessel): PlannedVessel {
    const others = this.catalogue.vessels.filter((v) => v.imoNumber !== first.imoNumber);
    return this.vesselOf(this.random.pick(others.length > 0 ? others : this.catalogue.vessels));
  }

  vesselOf(vessel: CatalogueVessel): PlannedVessel {
    return {
      imoNumber: vessel.imoNumber,
      name: vessel.name,
      flag: 'US',
      voyage: `${this.random.int(100, 699)}${this.random.pick(['N', 'S', 'E', 'W'])}`,
      mode: 'VESSEL',
    };
  }

  /** A partner port on one of the port's lanes, optionally not in the given countries. */
  partner(port: JurisdictionPort, avoidCountries: readonly string[] = []): PlannedLocation {
    const lanes = Object.entries(port.lanes) as [TradeLane, number][];
    const candidates = (lane: TradeLane): PartnerPort[] =>
      this.catalogue.partnerPorts.filter(
        (p) => p.lane === lane && !avoidCountries.includes(p.code.slice(0, 2)),
      );
    const usable = lanes.filter(([lane]) => candidates(lane).length > 0);
    const lane = this.random.weighted<TradeLane>(usable.length > 0 ? usable : [['INTRA_ASIA', 1]]);
    const pool = candidates(lane);
    const chosen = this.random.weighted(
      (pool.length > 0 ? pool : this.catalogue.partnerPorts).map((p) => [p, p.weight] as const),
    );
    return { code: chosen.code, name: chosen.name };
  }

  pickGoods(stage: Stage | null): GoodsProfile[] {
    const direction = stage === 'EXPORT' ? 'EXPORT' : stage === 'IMPORT' ? 'IMPORT' : undefined;
    const pool = this.catalogue.cleanGoods.filter(
      (g) => direction === undefined || g.direction === direction || g.direction === 'ANY',
    );
    const first = this.random.weighted(pool.map((g) => [g, g.weight] as const));
    const count = this.random.weighted([
      [1, 85],
      [2, 12],
      [3, 3],
    ] as const);
    const items = [first];
    for (let i = 1; i < count; i++) {
      const same = pool.filter((g) => g.sector === first.sector && !items.includes(g));
      items.push(same.length > 0 ? this.random.pick(same) : this.random.pick(pool));
    }
    return items;
  }

  /** Seals as a carrier applies them: its own bolt seal, sometimes the shipper's too. */
  seals(carrier: CarrierProfile): PlannedContainer['seals'] {
    const seals: PlannedContainer['seals'] = [
      { number: this.ids.seal(carrier.sealPrefix), source: 'CAR', type: 'BLT' },
    ];
    if (this.random.chance(0.25)) {
      seals.push({ number: this.ids.seal('SH'), source: 'SHI', type: 'BLT' });
    }
    return seals;
  }

  private route(spec: ConsignmentSpec, port: PlannedLocation): PlannedRoute {
    const { stage, call } = spec;
    const hinterland = (): PlannedLocation => {
      const place = this.random.pick(call.port.hinterland);
      return { code: place.code, name: place.name };
    };
    switch (stage) {
      case 'EXPORT': {
        const receipt = this.random.chance(0.4) ? hinterland() : undefined;
        return {
          placeOfReceipt: receipt,
          preCarriageBy: receipt && receipt.code !== port.code ? 'TRUCK' : undefined,
          portOfLoading: port,
          portOfDischarge: this.partner(call.port),
        };
      }
      case 'IMPORT': {
        const delivery = this.random.chance(0.5) ? hinterland() : undefined;
        return {
          portOfLoading: this.partner(call.port),
          portOfDischarge: port,
          placeOfDelivery: delivery,
          onCarriageBy: delivery && delivery.code !== port.code ? 'TRUCK' : undefined,
        };
      }
      case 'TRANSSHIPMENT': {
        const origin = this.partner(call.port);
        const destination = this.partner(call.port, [origin.code?.slice(0, 2) ?? '']);
        return spec.routeNamesHub
          ? { portOfLoading: origin, portOfDischarge: port, placeOfDelivery: destination }
          : { portOfLoading: origin, portOfDischarge: destination };
      }
      case 'TRANSIT': {
        const corridor = spec.corridor ?? this.random.pick(call.port.transit);
        const destination = corridor.destination;
        return {
          portOfLoading: this.partner(call.port, [destination.code.slice(0, 2)]),
          portOfDischarge: port,
          placeOfDelivery: { code: destination.code, name: destination.name },
          onCarriageBy: corridor.mode,
        };
      }
      case null: {
        const origin = this.partner(call.port);
        return {
          portOfLoading: origin,
          portOfDischarge: this.partner(call.port, [origin.code?.slice(0, 2) ?? '']),
        };
      }
    }
  }

  private containers(goods: readonly GoodsProfile[], carrier: CarrierProfile): PlannedContainer[] {
    const count = Math.max(
      goods.length,
      this.random.weighted([
        [1, 65],
        [2, 22],
        [3, 8],
        [4, 5],
      ] as const),
    );
    const containers: PlannedContainer[] = [];
    for (let i = 0; i < count; i++) {
      const profile = goods[i % goods.length] ?? goods[0];
      const type = this.random.pick(CONTAINER_TYPES[profile?.density ?? 'MEDIUM']);
      const prefix = this.random.chance(0.75)
        ? this.random.pick(carrier.equipmentPrefixes)
        : this.random.pick(LESSOR_PREFIXES);
      containers.push({
        reference: this.ids.container(prefix),
        isoCode: type.isoCode,
        tareKg: type.tareKg,
        seals: this.seals(carrier),
      });
    }
    return containers;
  }

  /** Each box carries one goods item; an item spread over several boxes has one cargo line per box. */
  private cargo(goods: readonly GoodsProfile[], containers: readonly PlannedContainer[]): PlannedGoods[] {
    return goods.map((profile, index) => ({
      hsCode: profile.hsCode,
      description: profile.description,
      packageCode: profile.packageCode,
      cargo: containers.flatMap((_, containerIndex) => {
        if (containerIndex % goods.length !== index) {
          return [];
        }
        const [min, max] = CARGO_KG_BY_DENSITY[profile.density];
        const packages = Math.max(1, Math.round(this.random.int(min, max) / profile.packageKg));
        return [{ containerIndex, packages, grossWeightKg: Math.round(packages * profile.packageKg) }];
      }),
    }));
  }

  private parties(stage: Stage | null, route: PlannedRoute, sector: string): PlannedDocumentParties {
    const origin = (route.placeOfReceipt ?? route.portOfLoading).code?.slice(0, 2) ?? 'VN';
    const destinationPlace = route.placeOfDelivery ?? route.portOfDischarge;
    const destination = destinationPlace.code?.slice(0, 2) ?? 'VN';
    const foreignCity = (place: PlannedLocation): string | undefined =>
      this.random.chance(0.5) ? place.name : undefined;
    const shipper =
      stage === 'EXPORT'
        ? this.names.company('VN', sector)
        : this.names.company(origin, sector, foreignCity(route.portOfLoading));
    const consignee =
      stage === 'IMPORT'
        ? this.names.company('VN', sector)
        : this.names.company(destination, sector, foreignCity(destinationPlace));
    const parties: PlannedDocumentParties = { shipper, consignee };
    if (this.random.chance(0.4)) {
      // The consignee's customs broker is notified: an intermediary by trade, and that is fine here.
      parties.notify = this.names.intermediary(consignee.countryCode, consignee.city);
    }
    return parties;
  }

  /** When things happen, anchored on the ship's call; nothing before the day starts. */
  private timeline(plan: ConsignmentPlan, spec: ConsignmentSpec): void {
    const { call } = spec;
    const terminal = { code: call.port.terminal.code, name: call.port.terminal.name };
    const at = (code: string, name: string): PlannedLocation => ({ code, name });
    const portPlace = at(call.port.code, call.port.terminal.name);
    const berth = call.departureMs - call.arrivalMs;
    const workAt = (): number =>
      call.arrivalMs + HOUR_MS + this.random.hours(0, Math.max(0.5, berth / HOUR_MS - 2.5));
    const mainVessel = plan.vesselVoyages[0] ?? call.vessel;
    const movements: PlannedMovement[] = [];
    const equipment = (
      time: number,
      code: PlannedMovement['code'],
      containerIndex: number,
      extra: Partial<PlannedMovement> = {},
    ): void => {
      movements.push({
        at: time,
        kind: 'EQUIPMENT',
        code,
        location: portPlace,
        facilityTypeCode: 'POTE',
        facility: terminal,
        containerIndex,
        emptyIndicator: 'LADEN',
        reporter: call.port.terminal.code,
        ...extra,
      });
    };
    const transport = (time: number, code: 'ARRI' | 'DEPA', vessel: PlannedVessel): void => {
      movements.push({
        at: time,
        kind: 'TRANSPORT',
        code,
        location: portPlace,
        facilityTypeCode: 'POTE',
        facility: terminal,
        vessel,
        modeOfTransport: vessel.mode,
        reporter: plan.carrierScac,
      });
    };
    const boxes = plan.containers.map((_, index) => index);
    const filedBefore = (time: number, minHours: number, maxHours: number): number =>
      this.notBeforeStart(time - this.random.hours(minHours, maxHours), time);

    switch (spec.stage) {
      case 'EXPORT': {
        const load = workAt();
        plan.manifestAt = filedBefore(load, 18, 72);
        for (const i of boxes) {
          const gateIn =
            plan.manifestAt +
            Math.max(MINUTE_MS, (load - plan.manifestAt) * (0.2 + 0.6 * this.random.next()));
          equipment(Math.round(gateIn / 1000) * 1000, 'GTIN', i, {
            modeOfTransport: 'TRUCK',
            movementType: 'EXPORT',
          });
          equipment(load + i * 3 * MINUTE_MS, 'LOAD', i, {
            vessel: mainVessel,
            modeOfTransport: 'VESSEL',
            movementType: 'EXPORT',
          });
        }
        transport(call.departureMs, 'DEPA', mainVessel);
        break;
      }
      case 'IMPORT': {
        plan.manifestAt = filedBefore(call.arrivalMs, 12, 60);
        transport(call.arrivalMs, 'ARRI', mainVessel);
        const discharge = workAt();
        for (const i of boxes) {
          const disc = discharge + i * 3 * MINUTE_MS;
          equipment(disc, 'DISC', i, {
            vessel: mainVessel,
            modeOfTransport: 'VESSEL',
            movementType: 'IMPORT',
          });
          equipment(disc + this.random.hours(4, 72), 'GTOT', i, {
            modeOfTransport: 'TRUCK',
            movementType: 'IMPORT',
          });
        }
        break;
      }
      case 'TRANSSHIPMENT': {
        plan.manifestAt = filedBefore(call.arrivalMs, 12, 60);
        transport(call.arrivalMs, 'ARRI', mainVessel);
        const onward = plan.vesselVoyages[1] ?? this.onwardVessel(mainVessel);
        const discharge = workAt();
        const dwell = this.random.hours(18, 120);
        let lastLoad = discharge;
        for (const i of boxes) {
          const disc = discharge + i * 3 * MINUTE_MS;
          lastLoad = disc + dwell;
          equipment(disc, 'DISC', i, {
            vessel: mainVessel,
            modeOfTransport: 'VESSEL',
            movementType: 'TRANSSHIPMENT',
          });
          equipment(lastLoad, 'LOAD', i, {
            vessel: onward,
            modeOfTransport: 'VESSEL',
            movementType: 'TRANSSHIPMENT',
          });
        }
        transport(lastLoad + this.random.hours(2, 10), 'DEPA', onward);
        break;
      }
      case 'TRANSIT': {
        plan.manifestAt = filedBefore(call.arrivalMs, 12, 60);
        transport(call.arrivalMs, 'ARRI', mainVessel);
        const route = plan.route;
        const corridor =
          spec.corridor ??
          call.port.transit.find((c) => c.destination.code === route.placeOfDelivery?.code) ??
          call.port.transit[0];
        const discharge = workAt();
        for (const i of boxes) {
          const disc = discharge + i * 3 * MINUTE_MS;
          equipment(disc, 'DISC', i, {
            vessel: mainVessel,
            modeOfTransport: 'VESSEL',
            movementType: 'IMPORT',
          });
          if (corridor?.mode === 'BARGE') {
            const barge: PlannedVessel = {
              name: `${corridor.bargeOperator ?? 'RIVER'} ${this.random.int(1, 40)}`,
              voyage: `B${this.random.digits(3)}`,
              mode: 'BARGE',
            };
            equipment(disc + this.random.hours(8, 40), 'LOAD', i, {
              vessel: barge,
              modeOfTransport: 'BARGE',
            });
          } else {
            const gateOut = disc + this.random.hours(6, 30);
            equipment(gateOut, 'GTOT', i, { modeOfTransport: 'TRUCK' });
            const border = corridor?.border;
            if (border) {
              equipment(gateOut + this.random.hours(4, 10), 'GTOT', i, {
                location: at(border.code, border.name),
                facilityTypeCode: 'BORD',
                facility: undefined,
                modeOfTransport: 'TRUCK',
                reporter: plan.carrierScac,
              });
            }
          }
        }
        break;
      }
      case null: {
        plan.manifestAt = filedBefore(call.arrivalMs, 12, 60);
        transport(call.arrivalMs, 'ARRI', mainVessel);
        transport(call.departureMs, 'DEPA', mainVessel);
        break;
      }
    }
    plan.movements = movements.sort((a, b) => a.at - b.at);
  }

  /** Documents filed before the day began are sent during its first hours, still before `next`. */
  private notBeforeStart(wanted: number, next: number): number {
    if (wanted >= this.clock.startMs) {
      return wanted;
    }
    const room = Math.max(MINUTE_MS, next - this.clock.startMs);
    return this.clock.startMs + Math.round((room * (0.05 + 0.45 * this.random.next())) / 1000) * 1000;
  }
}
