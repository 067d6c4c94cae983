import { Topics } from '@chokepoint/contracts';
import type { InboundRecord } from '@chokepoint/kafka';

/** Factories with defaults and overrides for the port messages ingest reads (unit tests only). */

export function tnt300Event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventID: 'evt-30-1',
    eventDateTime: '2026-03-04T10:00:00Z',
    eventRouting: { originatingParty: { partyCode: 'HPH' } },
    eventClassification: {
      eventTypeCode: 'EQUIPMENT',
      eventClassifierCode: 'ACT',
      equipmentEventTypeCode: 'DISC',
    },
    equipmentDetails: { equipmentReference: 'MSKU2666542' },
    ...overrides,
  };
}

export function transportDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    transportDocumentReference: 'MSCU100001',
    transportDocumentStatus: 'ISSUED',
    documentParties: {
      shipper: { partyName: 'Hanoi Electronics JSC' },
      consignee: { partyName: 'Rotterdam Import BV' },
    },
    consignmentItems: [
      {
        carrierBookingReference: 'BK1',
        descriptionOfGoods: ['Printed circuit boards'],
        HSCodes: ['853400'],
        cargoItems: [{ equipmentReference: 'MSKU2666542', cargoGrossWeight: { value: 1200, unit: 'KGM' } }],
      },
    ],
    utilizedTransportEquipments: [
      { equipment: { equipmentReference: 'MSKU2666542' }, seals: [{ number: 'SL-1001' }] },
    ],
    transports: { portOfLoading: { UNLocationCode: 'VNHPH' }, portOfDischarge: { UNLocationCode: 'NLRTM' } },
    ...overrides,
  };
}

let nextOffset = 0;

/** A consumed record; `value` is JSON-encoded unless it is already bytes (or null). */
export function inboundRecord(value: unknown, overrides: Partial<InboundRecord> = {}): InboundRecord {
  nextOffset += 1;
  return {
    topic: Topics.portMovements,
    partition: 0,
    offset: String(nextOffset),
    key: Buffer.from('MSKU2666542'),
    value: value === null || Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value)),
    headers: {},
    timestamp: '2026-03-04T10:00:00.000Z',
    ...overrides,
  };
}
