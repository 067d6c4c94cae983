import type { CanonicalEvent, ConsignmentManifest, MovementEvent } from '@chokepoint/contracts';
import {
  goodsItem,
  manifest,
  place,
  equipment as manifestEquipment,
} from '../../../../libs/engine/src/testing/manifest.factory';
import { movement } from '../../../../libs/engine/src/testing/movement.factory';

/** One canonical event as a test or the fault script publishes it. */
export interface StreamEvent {
  consignmentId: string;
  /** The key ingest would give it (TRD, else booking, else container). */
  ingestKey: string;
  event: CanonicalEvent;
}

export interface StreamOptions {
  /** Distinguishes this run's consignment ids, bookings and containers (letters and digits). */
  runId: string;
  consignments: number;
  /** Event time of the first manifest; the whole stream spans under 48 hours of event time. */
  startAt: string;
}

const LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) {
      value += 1;
    }
    values[letter] = value;
    value += 1;
  }
  return values;
})();

/** An ISO 6346 container number with a correct check digit. */
export function containerNumber(owner: string, serial: number): string {
  const body = `${owner.toUpperCase().slice(0, 3)}U${String(serial % 1_000_000).padStart(6, '0')}`;
  let sum = 0;
  [...body].forEach((char, index) => {
    const value = /\d/.test(char) ? Number(char) : (LETTER_VALUES[char] ?? 0);
    sum += value * 2 ** index;
  });
  return `${body}${(sum % 11) % 10}`;
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  }
  return hash;
}

function at(baseMs: number, hours: number): string {
  return new Date(baseMs + hours * 3_600_000).toISOString();
}

type Journey =
  | 'EXPORT'
  | 'EXPORT_MILITARY'
  | 'IMPORT'
  | 'IMPORT_SEAL_CHANGED'
  | 'TRANSSHIPMENT'
  | 'TRANSSHIPMENT_TO_DPRK'
  | 'TRANSIT'
  | 'OUT_OF_SCOPE'
  | 'EXPORT_MOVEMENTS_FIRST'
  | 'EXPORT_BY_BOOKING_AND_BOX';

const JOURNEYS: readonly Journey[] = [
  'EXPORT',
  'EXPORT_MILITARY',
  'IMPORT',
  'IMPORT_SEAL_CHANGED',
  'TRANSSHIPMENT',
  'TRANSSHIPMENT_TO_DPRK',
  'TRANSIT',
  'OUT_OF_SCOPE',
  'EXPORT_MOVEMENTS_FIRST',
  'EXPORT_BY_BOOKING_AND_BOX',
];

interface Timed {
  hours: number;
  event: CanonicalEvent;
}

/**
 * A deterministic stream of canonical manifests and movements over many consignments: clean and held
 * exports, imports, transshipments and transits, movements before their manifest, movements joined by
 * booking or by container only, an amendment and a retraction. Each consignment has its own containers,
 * so consignments never interact and per-consignment order is all that matters.
 */
export function generateCanonicalStream(options: StreamOptions): StreamEvent[] {
  const startMs = Date.parse(options.startAt);
  const serialBase = hashOf(options.runId) % 900_000;
  const timed: (Timed & { consignmentId: string; order: number })[] = [];
  let order = 0;
  for (let index = 0; index < options.consignments; index += 1) {
    const id = `${options.runId}${String(index).padStart(5, '0')}`.slice(0, 20);
    const journey = JOURNEYS[index % JOURNEYS.length] ?? 'EXPORT';
    const baseMs = startMs + Math.floor((index / Math.max(1, options.consignments)) * 40 * 3_600_000);
    const box = containerNumber('CPK', serialBase + index);
    for (const item of journeyEvents(journey, id, box, baseMs)) {
      timed.push({ ...item, consignmentId: id, order: (order += 1) });
    }
  }
  timed.sort((a, b) => {
    const delta = Date.parse(eventTime(a.event)) - Date.parse(eventTime(b.event));
    return delta !== 0 ? delta : a.order - b.order;
  });
  return timed.map(({ event, consignmentId }) => ({ consignmentId, ingestKey: ingestKeyOf(event), event }));
}

function eventTime(event: CanonicalEvent): string {
  return event.kind === 'MANIFEST' ? event.receivedAt : event.eventDateTime;
}

export function ingestKeyOf(event: CanonicalEvent): string {
  if (event.kind === 'MANIFEST') {
    return event.transportDocumentReference;
  }
  const reference = (type: string): string | undefined =>
    event.documentReferences.find((r) => r.type === type)?.value;
  return reference('TRD') ?? reference('BKG') ?? event.equipmentReference ?? event.eventId;
}

function journeyEvents(journey: Journey, id: string, box: string, baseMs: number): Timed[] {
  const booking = `BK${id}`.slice(0, 20);
  const seal = `SL-${id.slice(-6)}`;
  const base = (overrides: Parameters<typeof manifest>[0] = {}): ConsignmentManifest =>
    manifest({
      transportDocumentReference: id,
      bookingReferences: [booking],
      receivedAt: at(baseMs, 0),
      goodsItems: [goodsItem({ equipmentReferences: [box] })],
      equipment: [manifestEquipment({ reference: box, seals: [{ number: seal }] })],
      ...overrides,
    });
  const move = (hours: number, overrides: Parameters<typeof movement>[0]): MovementEvent => {
    const event = movement({ trd: id, equipmentReference: box, at: at(baseMs, hours), ...overrides });
    return { ...event, eventId: `${event.eventId}-${id}` };
  };
  switch (journey) {
    case 'EXPORT':
      return [
        { hours: 0, event: base() },
        { hours: 1, event: move(1, { eventCode: 'GTIN', seals: [{ number: seal }] }) },
        { hours: 2, event: move(2, { eventCode: 'LOAD', seals: [{ number: seal }] }) },
      ];
    case 'EXPORT_MILITARY':
      return [
        {
          hours: 0,
          event: base({
            goodsItems: [
              goodsItem({
                hsCodes: ['930190'],
                description: 'Artillery weapons',
                equipmentReferences: [box],
              }),
            ],
          }),
        },
        { hours: 2, event: move(2, { eventCode: 'LOAD', seals: [{ number: seal }] }) },
      ];
    case 'IMPORT':
    case 'IMPORT_SEAL_CHANGED': {
      const imported = base({
        route: {
          portOfLoading: place('CNSHA'),
          portOfDischarge: place('VNCMT'),
          placeOfDelivery: place('VNSGN'),
        },
      });
      const observed = journey === 'IMPORT' ? seal : `${seal}-X`;
      return [
        { hours: 0, event: imported },
        { hours: 3, event: move(3, { eventCode: 'DISC', unLocode: 'VNCMT', seals: [{ number: observed }] }) },
        { hours: 5, event: move(5, { eventCode: 'GTOT', unLocode: 'VNCMT', seals: [{ number: observed }] }) },
      ];
    }
    case 'TRANSSHIPMENT':
    case 'TRANSSHIPMENT_TO_DPRK': {
      const route = { portOfLoading: place('CNSHA'), portOfDischarge: place('USLAX') };
      const events: Timed[] = [
        { hours: 0, event: base({ route, parties: [] }) },
        {
          hours: 2,
          event: move(2, {
            eventCode: 'DISC',
            unLocode: 'VNCMT',
            movementType: 'TRANSSHIPMENT',
            seals: [{ number: seal }],
          }),
        },
      ];
      if (journey === 'TRANSSHIPMENT_TO_DPRK') {
        events.push({
          hours: 4,
          event: base({
            receivedAt: at(baseMs, 4),
            route: { ...route, placeOfDelivery: place('KPNAM') },
            parties: [],
          }),
        });
      }
      events.push({
        hours: 6,
        event: move(6, { eventCode: 'LOAD', unLocode: 'VNCMT', seals: [{ number: seal }] }),
      });
      return events;
    }
    case 'TRANSIT':
      return [
        {
          hours: 0,
          event: base({
            route: {
              portOfLoading: place('SGSIN'),
              portOfDischarge: place('VNHPH'),
              placeOfDelivery: place('CNKMG'),
              onCarriageBy: 'RAIL',
            },
          }),
        },
        { hours: 3, event: move(3, { eventCode: 'DISC', seals: [{ number: seal }] }) },
      ];
    case 'OUT_OF_SCOPE':
      return [
        {
          hours: 0,
          event: base({
            route: { portOfLoading: place('CNSHA'), portOfDischarge: place('USLAX') },
            parties: [],
          }),
        },
        { hours: 1, event: move(1, { eventCode: 'LOAD', unLocode: 'CNSHA' }) },
      ];
    case 'EXPORT_MOVEMENTS_FIRST': {
      const early = move(0.5, { eventCode: 'GTIN', seals: [{ number: seal }] });
      const withdrawn = move(0.75, {
        eventCode: 'GTIN',
        seals: [{ number: `${seal}-W` }],
        eventId: `W-${id}`,
      });
      return [
        { hours: 0.5, event: early },
        { hours: 0.75, event: withdrawn },
        { hours: 0.8, event: { ...withdrawn, action: 'RETRACT' } },
        { hours: 1, event: base({ receivedAt: at(baseMs, 1) }) },
        { hours: 2, event: move(2, { eventCode: 'LOAD', seals: [{ number: seal }] }) },
      ];
    }
    case 'EXPORT_BY_BOOKING_AND_BOX':
      return [
        {
          hours: 0.5,
          event: move(0.5, {
            eventCode: 'GTIN',
            trd: null,
            documentReferences: [{ type: 'BKG', value: booking }],
            seals: [{ number: seal }],
          }),
        },
        { hours: 1, event: base({ receivedAt: at(baseMs, 1) }) },
        { hours: 2, event: move(2, { eventCode: 'LOAD', trd: null, seals: [{ number: `${seal}-B` }] }) },
      ];
  }
}
