import type { CanonicalEvent } from '@chokepoint/contracts';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import type { InboundRecord } from '@chokepoint/kafka';
import { inboundRecord, tnt300Event, transportDocument } from '../../test/port-message.factory';
import { prepareEvent } from './record-preparation';
import { filterRedeliveries } from './redelivery-filter';

function decoded(record: InboundRecord): CanonicalEvent[] {
  return decodeRecord(record).events;
}

const movement = (
  overrides: Record<string, unknown> = {},
  record: Partial<InboundRecord> = {},
): CanonicalEvent[] => decoded(inboundRecord(tnt300Event(overrides), record));
const manifest = (
  overrides: Record<string, unknown> = {},
  record: Partial<InboundRecord> = {},
): CanonicalEvent[] =>
  decoded(inboundRecord(transportDocument(overrides), { topic: 'port.manifests.v1', ...record }));

/** Runs the first chunk, remembers its latest fingerprints, then runs the second against them. */
function secondChunkForwards(first: CanonicalEvent[], second: CanonicalEvent[]): number {
  const before = filterRedeliveries(first.map(prepareEvent), []);
  return filterRedeliveries(second.map(prepareEvent), before.latest).forward.length;
}

describe('filterRedeliveries', () => {
  it.each<[string, () => CanonicalEvent[], () => CanonicalEvent[], number]>([
    [
      'drops an exact redelivery (other offset)',
      () => movement(),
      () => movement({}, { offset: '999', partition: 4 }),
      0,
    ],
    [
      'drops a resend by the port with its keys in another order',
      () => movement(),
      () => {
        const { eventID, ...rest } = tnt300Event();
        return decoded(inboundRecord({ ...rest, eventID }));
      },
      0,
    ],
    [
      'forwards a TNT 3.0 update',
      () => movement(),
      () => movement({ eventUpdatedDateTime: '2026-03-04T11:00:00Z' }),
      1,
    ],
    ['forwards a retraction', () => movement(), () => movement({ isRetracted: true }), 1],
    [
      'drops a repeated retraction',
      () => movement({ isRetracted: true }),
      () => movement({ isRetracted: true }),
      0,
    ],
    [
      'keeps parties apart',
      () => movement(),
      () => movement({ eventRouting: { originatingParty: { partyCode: 'SGN' } } }),
      1,
    ],
    [
      'drops a manifest resent later (other record timestamp)',
      () => manifest(),
      () => manifest({}, { timestamp: '2026-03-05T00:00:00.000Z' }),
      0,
    ],
    [
      'forwards a manifest amendment',
      () => manifest(),
      () =>
        manifest({
          documentParties: {
            shipper: { partyName: 'Hanoi Electronics JSC' },
            consignee: { partyName: 'Other BV' },
          },
        }),
      1,
    ],
    [
      'forwards a new consignment',
      () => manifest(),
      () => manifest({ transportDocumentReference: 'MSCU100002' }),
      1,
    ],
  ])('%s', (_name, first, second, forwarded) => {
    expect(secondChunkForwards(first(), second())).toBe(forwarded);
  });

  it('compares with the latest version within a chunk, and remembers one fingerprint per key in key order', () => {
    const original = movement();
    const update = movement({ eventUpdatedDateTime: '2026-03-04T11:00:00Z' });
    const other = manifest();
    const chunk = [...original, ...original, ...update, ...original, ...other].map(prepareEvent);
    const verdict = filterRedeliveries(chunk, []);
    expect(verdict.forward.map((candidate) => chunk.indexOf(candidate))).toEqual([0, 2, 3, 4]);
    expect(verdict.duplicates).toEqual([chunk[1]]);
    expect(verdict.latest.map((fingerprint) => [fingerprint.eventKind, fingerprint.contentSha256])).toEqual([
      ['MANIFEST', chunk[4]?.contentSha256],
      ['MOVEMENT', chunk[3]?.contentSha256],
    ]);
  });
});
