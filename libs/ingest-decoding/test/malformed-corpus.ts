import { Topics } from '@chokepoint/contracts';
import type { IngestRecord } from '../src/decode-record';

export interface MalformedRecord {
  description: string;
  record: IngestRecord;
  /** The RejectionError code decodeRecord must produce (on the record, or on event 0 of a push body). */
  expectedCode: string;
}

/** Small deterministic PRNG (mulberry32) so a seed reproduces the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function validTransportDocument(n: number): Record<string, unknown> {
  return {
    transportDocumentReference: `MSCU${String(100000 + n)}`,
    transportDocumentStatus: 'ISSUED',
    documentParties: {
      shipper: { partyName: 'Hanoi Electronics JSC' },
      consignee: { partyName: 'Rotterdam Import BV' },
    },
    consignmentItems: [
      {
        carrierBookingReference: `BK${n}`,
        descriptionOfGoods: ['Printed circuit boards'],
        HSCodes: ['853400'],
        cargoItems: [{ equipmentReference: 'MSKU2666542', cargoGrossWeight: { value: 1200, unit: 'KGM' } }],
      },
    ],
    utilizedTransportEquipments: [
      { equipment: { equipmentReference: 'MSKU2666542' }, seals: [{ number: 'SL-1001' }] },
    ],
    transports: { portOfLoading: { UNLocationCode: 'VNHPH' }, portOfDischarge: { UNLocationCode: 'NLRTM' } },
  };
}

export function validTnt220(n: number): Record<string, unknown> {
  return {
    eventID: `evt-22-${n}`,
    eventType: 'EQUIPMENT',
    eventClassifierCode: 'ACT',
    eventDateTime: '2026-03-04T10:00:00Z',
    equipmentEventTypeCode: 'LOAD',
    equipmentReference: 'MSKU2666542',
  };
}

export function validTnt300(n: number): Record<string, unknown> {
  return {
    eventID: `evt-30-${n}`,
    eventDateTime: '2026-03-04T10:00:00Z',
    eventRouting: { originatingParty: { partyCode: 'HPH' } },
    eventClassification: {
      eventTypeCode: 'EQUIPMENT',
      eventClassifierCode: 'ACT',
      equipmentEventTypeCode: 'DISC',
    },
    equipmentDetails: { equipmentReference: 'MSKU2666542' },
  };
}

export function validBeta1(n: number): Record<string, unknown> {
  return {
    metadata: {
      eventID: `evt-b1-${n}`,
      eventCreatedDateTime: '2026-03-04T10:00:00Z',
      eventType: 'EQUIPMENT',
    },
    payload: {
      eventClassifierCode: 'ACT',
      eventDateTime: '2026-03-04T10:00:00Z',
      equipmentEventTypeCode: 'GTIN',
    },
  };
}

type Mutation = (doc: Record<string, unknown>) => void;
const set =
  (path: string, value: unknown): Mutation =>
  (doc) => {
    const keys = path.split('.');
    let cursor: Record<string, unknown> = doc;
    keys.slice(0, -1).forEach((key) => {
      cursor = cursor[key] as Record<string, unknown>;
    });
    const last = keys[keys.length - 1] ?? '';
    if (value === undefined) {
      delete cursor[last];
    } else {
      cursor[last] = value;
    }
  };

// Each case: which valid base, how to break it, the code it must produce.
const FIELD_CASES: Array<
  [string, (n: number) => Record<string, unknown>, 'manifest' | 'movement', Mutation, string]
> = [
  [
    'eBL: no transportDocumentReference',
    validTransportDocument,
    'manifest',
    set('transportDocumentReference', undefined),
    'field.required',
  ],
  [
    'eBL: reference is a number',
    validTransportDocument,
    'manifest',
    set('transportDocumentReference', 12345),
    'field.type',
  ],
  [
    'eBL: reference too long',
    validTransportDocument,
    'manifest',
    set('transportDocumentReference', 'X'.repeat(21)),
    'field.length',
  ],
  [
    'eBL: no consignment items',
    validTransportDocument,
    'manifest',
    set('consignmentItems', []),
    'field.length',
  ],
  [
    'eBL: consignment items not an array',
    validTransportDocument,
    'manifest',
    set('consignmentItems', 'none'),
    'field.type',
  ],
  [
    'eBL: no shipper',
    validTransportDocument,
    'manifest',
    set('documentParties.shipper', undefined),
    'field.required',
  ],
  [
    'eBL: no documentParties',
    validTransportDocument,
    'manifest',
    set('documentParties', undefined),
    'field.required',
  ],
  [
    'eBL: party name too long',
    validTransportDocument,
    'manifest',
    set('documentParties.shipper.partyName', 'N'.repeat(201)),
    'field.length',
  ],
  ['eBL: no transports', validTransportDocument, 'manifest', set('transports', undefined), 'field.required'],
  [
    'eBL: no port of loading',
    validTransportDocument,
    'manifest',
    set('transports.portOfLoading', undefined),
    'field.required',
  ],
  [
    'eBL: malformed UN/LOCODE',
    validTransportDocument,
    'manifest',
    set('transports.portOfLoading.UNLocationCode', 'HAIPHONG'),
    'field.format',
  ],
  [
    'eBL: unknown onCarriageBy',
    validTransportDocument,
    'manifest',
    set('transports.onCarriageBy', 'CAMEL'),
    'field.enum',
  ],
  ['eBL: bad issue date', validTransportDocument, 'manifest', set('issueDate', '2026-13-45'), 'field.format'],
  [
    'eBL: no equipment',
    validTransportDocument,
    'manifest',
    set('utilizedTransportEquipments', []),
    'field.length',
  ],
  [
    'eBL: HS code with letters',
    validTransportDocument,
    'manifest',
    (d) => {
      ((d.consignmentItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>).HSCodes = [
        '85AB00',
      ];
    },
    'field.format',
  ],
  [
    'eBL: weight unit unknown',
    validTransportDocument,
    'manifest',
    (d) => {
      const item = (d.consignmentItems as Array<{ cargoItems: Array<Record<string, unknown>> }>)[0];
      const cargo = item?.cargoItems[0];
      if (cargo) {
        cargo.cargoGrossWeight = { value: 10, unit: 'STONE' };
      }
    },
    'field.enum',
  ],
  [
    'eBL: negative weight',
    validTransportDocument,
    'manifest',
    (d) => {
      const cargo = (d.consignmentItems as Array<{ cargoItems: Array<Record<string, unknown>> }>)[0]
        ?.cargoItems[0];
      if (cargo) {
        cargo.cargoGrossWeight = { value: -5, unit: 'KGM' };
      }
    },
    'field.range',
  ],
  [
    'eBL: not a transport document at all',
    () => ({ hello: 'world' }),
    'manifest',
    () => undefined,
    'format.unknown',
  ],
  ['TNT 2.2: no eventID', validTnt220, 'movement', set('eventID', undefined), 'field.required'],
  ['TNT 2.2: eventID too long', validTnt220, 'movement', set('eventID', 'e'.repeat(101)), 'field.length'],
  ['TNT 2.2: bad eventDateTime', validTnt220, 'movement', set('eventDateTime', 'yesterday'), 'field.format'],
  ['TNT 2.2: date without time', validTnt220, 'movement', set('eventDateTime', '2026-03-04'), 'field.format'],
  ['TNT 2.2: bad classifier', validTnt220, 'movement', set('eventClassifierCode', 'XXX'), 'field.enum'],
  ['TNT 2.2: bad eventType', validTnt220, 'movement', set('eventType', 'PARTY'), 'field.enum'],
  [
    'TNT 2.2: no event code',
    validTnt220,
    'movement',
    set('equipmentEventTypeCode', undefined),
    'field.required',
  ],
  [
    'TNT 2.2: equipment reference too long',
    validTnt220,
    'movement',
    set('equipmentReference', 'MSKU26665421234'),
    'field.length',
  ],
  ['TNT 2.2: seals not an array', validTnt220, 'movement', set('seals', 'SL-1'), 'field.type'],
  [
    'TNT 3.0: no eventClassification',
    validTnt300,
    'movement',
    set('eventClassification', undefined),
    'field.required',
  ],
  ['TNT 3.0: no eventDateTime', validTnt300, 'movement', set('eventDateTime', undefined), 'field.required'],
  [
    'TNT 3.0: bad date',
    validTnt300,
    'movement',
    set('eventDateTime', '2026-02-30T10:00:00Z'),
    'field.format',
  ],
  ['TNT 3.0: eventID a number', validTnt300, 'movement', set('eventID', 42), 'field.type'],
  ['TNT 3.0: isRetracted a string', validTnt300, 'movement', set('isRetracted', 'yes'), 'field.type'],
  [
    'TNT 3.0: bad movementType',
    validTnt300,
    'movement',
    set('equipmentDetails.movementType', 'SIDEWAYS'),
    'field.enum',
  ],
  [
    'TNT 3.0: malformed IMO',
    validTnt300,
    'movement',
    set('transportDetails', { transportCall: { vesselTransport: { vesselIMONumber: '93A' } } }),
    'field.format',
  ],
  [
    'TNT 3.0: no event code',
    validTnt300,
    'movement',
    set('eventClassification.equipmentEventTypeCode', undefined),
    'field.required',
  ],
  ['Beta-1: no payload', validBeta1, 'movement', set('payload', undefined), 'field.required'],
  [
    'Beta-1: no metadata.eventID',
    validBeta1,
    'movement',
    set('metadata.eventID', undefined),
    'field.required',
  ],
  ['Beta-1: payload a string', validBeta1, 'movement', set('payload', 'x'), 'field.type'],
  [
    'Beta-1: bad flag',
    validBeta1,
    'movement',
    set('payload.transportCall', { vessel: { flag: 'Germany' } }),
    'field.format',
  ],
  ['movement: unknown shape', () => ({ foo: 1, bar: 2 }), 'movement', () => undefined, 'format.unknown'],
  ['push body: empty events', () => ({ events: [] }), 'movement', () => undefined, 'events.empty'],
  ['push body: events not an array', () => ({ events: {} }), 'movement', () => undefined, 'field.type'],
  [
    'push body: event is a string',
    () => ({ events: ['LOAD'] }),
    'movement',
    () => undefined,
    'event.not_object',
  ],
  [
    'push body: bad event',
    (n) => ({ events: [{ ...validTnt300(n), eventDateTime: 'never' }] }),
    'movement',
    () => undefined,
    'field.format',
  ],
];

function topicOf(kind: 'manifest' | 'movement'): string {
  return kind === 'manifest' ? Topics.portManifests : Topics.portMovements;
}

function record(
  topic: string,
  value: Buffer | null,
  n: number,
  headers: IngestRecord['headers'] = {},
): IngestRecord {
  return {
    topic,
    partition: n % 3,
    offset: String(n),
    key: `k${n}`,
    value,
    headers,
    timestamp: '2026-03-04T10:00:00Z',
  };
}

/** Varied malformed records, each with the rejection code it must produce. Deterministic for a seed. */
export function generateMalformedRecords(count = 240, seed = 1): MalformedRecord[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const topics = [Topics.portManifests, Topics.portMovements];
  const generators: Array<(n: number) => MalformedRecord> = [
    (n) => ({
      description: 'null value',
      record: record(pick(topics), null, n),
      expectedCode: 'record.empty',
    }),
    (n) => ({
      description: 'zero bytes',
      record: record(pick(topics), Buffer.alloc(0), n),
      expectedCode: 'record.empty',
    }),
    (n) => ({
      description: 'binary garbage (invalid UTF-8)',
      record: record(
        pick(topics),
        Buffer.from([
          0xff,
          ...Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)),
        ]),
        n,
      ),
      expectedCode: 'record.not_utf8',
    }),
    (n) => ({
      description: 'Latin-1 encoded JSON',
      record: record(pick(topics), Buffer.from('{"partyName":"Société Générale"}', 'latin1'), n),
      expectedCode: 'record.not_utf8',
    }),
    (n) => ({
      description: 'oversize record',
      record: record(
        pick(topics),
        Buffer.from(JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + Math.floor(random() * 100)) })),
        n,
      ),
      expectedCode: 'record.too_large',
    }),
    (n) => ({
      description: 'not JSON',
      record: record(
        pick(topics),
        Buffer.from(pick(['hello', '<xml/>', '{"a":', "{'a':1}", '{"a":1,}', 'UNB+UNOC:3', 'NaN'])),
        n,
      ),
      expectedCode: 'record.not_json',
    }),
    (n) => ({
      description: 'JSON but not an object',
      record: record(
        pick(topics),
        Buffer.from(pick(['[]', '[{"eventID":"x"}]', '"text"', '42', 'true', 'null'])),
        n,
      ),
      expectedCode: 'record.not_object',
    }),
    (n) => {
      const depth = pick([33, 100, 10_000, 100_000]);
      const open = pick(['[', '{"a":']);
      const close = open === '[' ? ']' : '}';
      return {
        description: `nested ${depth} deep`,
        record: record(pick(topics), Buffer.from(open.repeat(depth) + '1' + close.repeat(depth)), n),
        expectedCode: 'record.too_deep',
      };
    },
    (n) => ({
      description: 'unsupported content-type version',
      record: record(Topics.portMovements, Buffer.from(JSON.stringify(validTnt300(n))), n, {
        'content-type': 'application/vnd.dcsa.tnt+json;version=9.9.9',
      }),
      expectedCode: 'format.unsupported',
    }),
    (n) => {
      const [description, base, kind, mutate, expectedCode] = pick(FIELD_CASES);
      const message = clone(base(n));
      mutate(message);
      return {
        description,
        record: record(topicOf(kind), Buffer.from(JSON.stringify(message)), n),
        expectedCode,
      };
    },
  ];
  const out: MalformedRecord[] = [];
  for (let n = 0; n < count; n++) {
    // Every generator and every field case appears at least once before randomness takes over.
    if (n < generators.length - 1) {
      out.push((generators[n] as (i: number) => MalformedRecord)(n));
    } else if (n < generators.length - 1 + FIELD_CASES.length) {
      const [description, base, kind, mutate, expectedCode] = FIELD_CASES[
        n - generators.length + 1
      ] as (typeof FIELD_CASES)[number];
      const message = clone(base(n));
      mutate(message);
      out.push({
        description,
        record: record(topicOf(kind), Buffer.from(JSON.stringify(message)), n),
        expectedCode,
      });
    } else {
      out.push(pick(generators)(n));
    }
  }
  return out;
}
