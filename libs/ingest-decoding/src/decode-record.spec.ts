import { Topics } from '@chokepoint/contracts';
import { validBeta1, validTnt220, validTnt300, validTransportDocument } from '../test/malformed-corpus';
import { decodeRecord, type DecodeResult, type IngestRecord } from './decode-record';
import type { RecordHeaders } from './record/record-headers';
import { SOURCE_VALIDATORS } from './validation/source-validation';

function record(topic: string, message: unknown, headers: RecordHeaders = {}): IngestRecord {
  return {
    topic,
    partition: 0,
    offset: '7',
    key: null,
    value: Buffer.from(JSON.stringify(message)),
    headers,
    timestamp: '2026-03-04T10:00:00.000Z',
  };
}

/** Both validation paths, which must agree; the compiled one's result. */
function decode(input: IngestRecord): DecodeResult {
  const compiled = decodeRecord(input);
  expect(compiled).toStrictEqual(decodeRecord(input, { sourceValidator: SOURCE_VALIDATORS.classValidator }));
  return compiled;
}

const manifest = (change: (doc: Record<string, unknown>) => void): IngestRecord => {
  const doc = validTransportDocument(1);
  change(doc);
  return record(Topics.portManifests, doc);
};
const movement = (message: unknown, headers?: RecordHeaders): IngestRecord =>
  record(Topics.portMovements, message, headers);

describe('decodeRecord', () => {
  // Each of these once passed validation and then threw in a decoder: a thrown chunk is retried forever.
  it.each<[string, IngestRecord, string, string]>([
    [
      'eBL transports given as an array',
      manifest((d) => {
        d.transports = [d.transports];
      }),
      'transports',
      'transports: transports must be an object, not an array',
    ],
    [
      'eBL consignment item that is an array',
      manifest((d) => {
        d.consignmentItems = [[]];
      }),
      'consignmentItems',
      'consignmentItems: consignmentItems must be an object, not an array',
    ],
    [
      'TNT 3.0 eventClassification given as an array',
      movement({ ...validTnt300(1), eventClassification: [] }),
      'eventClassification',
      'eventClassification: eventClassification must be an object, not an array',
    ],
  ])('rejects %s instead of throwing', (_name, input, path, message) => {
    const result = decode(input);
    expect(result.events).toEqual([]);
    expect(result.rejections).toEqual([{ errors: [{ path, code: 'field.type', message }] }]);
  });

  it.each<[string, IngestRecord]>([
    ['TNT 2.2 eventCreatedDateTime null', movement({ ...validTnt220(1), eventCreatedDateTime: null })],
    [
      'TNT 2.2 vessel IMO number and flag null',
      movement({
        ...validTnt220(1),
        transportCall: { vessel: { vesselIMONumber: null, vesselFlag: null, vesselName: 'X' } },
      }),
    ],
    [
      'eBL vessel IMO number and party country null',
      manifest((d) => {
        (d.transports as Record<string, unknown>).vesselVoyages = [
          { vesselIMONumber: null, vesselName: 'X' },
        ];
        (d.documentParties as { shipper: Record<string, unknown> }).shipper.address = { countryCode: null };
      }),
    ],
  ])('reads a null optional field as absent: %s', (_name, input) => {
    const result = decode(input);
    expect(result.rejections).toEqual([]);
    expect(JSON.stringify(result.events)).not.toContain('null');
  });

  it('reads a null Beta-1 retractedEventID as no retraction', () => {
    const event = validBeta1(1);
    (event.metadata as Record<string, unknown>).retractedEventID = null;
    const result = decode(movement(event));
    expect(result.events).toMatchObject([{ action: 'UPSERT', eventId: 'evt-b1-1', eventCode: 'GTIN' }]);
  });

  it('rejects an event the canonical model refuses, naming the canonical field', () => {
    const event = {
      ...validTnt300(1),
      shipmentDetails: { documentReference: { typeCode: 'BK', reference: 'BKG-1' } },
    };
    const result = decode(movement(event));
    expect(result.events).toEqual([]);
    expect(result.rejections).toEqual([
      {
        errors: [
          {
            path: '',
            code: 'canonical.invalid',
            message: expect.stringContaining('at documentReferences[0].type: type must be longer') as string,
          },
        ],
      },
    ]);
  });

  it('rejects only the push-body event the canonical model refuses', () => {
    const result = decode(
      movement({ events: [validTnt220(1), validTnt220(2)] }, { 'originating-party': '' }),
    );
    expect(result.events).toEqual([]);
    expect(result.rejections.map((r) => [r.eventIndex, r.errors.map((e) => [e.path, e.code])])).toEqual([
      [0, [['events[0]', 'canonical.invalid']]],
      [1, [['events[1]', 'canonical.invalid']]],
    ]);
    const mixed = decode(
      movement({
        events: [
          validTnt300(1),
          { ...validTnt300(2), eventRouting: { originatingParty: { partyCode: '' } } },
        ],
      }),
    );
    expect(mixed.events.map((e) => e.kind === 'MOVEMENT' && e.eventId)).toEqual(['evt-30-1']);
    expect(mixed.rejections.map((r) => r.eventIndex)).toEqual([1]);
    expect(mixed.rejections[0]?.errors[0]?.message).toContain(
      'at originatingParty: originatingParty should not be empty',
    );
  });
});
