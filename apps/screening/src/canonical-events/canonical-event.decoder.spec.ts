import type { InboundRecord } from '@chokepoint/kafka';
import { manifest } from '../../../../libs/engine/src/testing/manifest.factory';
import { movement } from '../../../../libs/engine/src/testing/movement.factory';
import { decodeCanonicalRecord } from './canonical-event.decoder';
import { CanonicalEventRejectionCode as Code } from './canonical-events.exception';

function record(value: unknown, headers: Record<string, string> = {}): InboundRecord {
  return {
    topic: 'chokepoint.canonical-events.v1',
    partition: 0,
    offset: '7',
    key: Buffer.from('MAEU123456789'),
    value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, Buffer.from(text)])),
    timestamp: '2026-03-01T08:00:00.000Z',
  };
}

describe('decodeCanonicalRecord', () => {
  it.each([
    ['a manifest', manifest(), { 'chokepoint-event-kind': 'MANIFEST' }],
    ['a movement', movement(), { 'chokepoint-event-kind': 'MOVEMENT' }],
    ['a movement without headers', movement(), {}],
  ])('accepts %s and hands over the parsed JSON', (_name, value, headers) => {
    const decoded = decodeCanonicalRecord(record(value, headers));

    expect(decoded).toEqual({ ok: true, event: JSON.parse(JSON.stringify(value)) as unknown });
  });

  it.each([
    ['no value', null, {}, Code.EmptyValue, ''],
    ['bytes that are not JSON', '{"kind": "MANI', {}, Code.NotJson, ''],
    ['an unknown kind', { kind: 'INVOICE' }, {}, Code.UnknownKind, 'kind'],
    [
      'a header that contradicts the value',
      manifest(),
      { 'chokepoint-event-kind': 'MOVEMENT' },
      Code.KindHeaderMismatch,
      '',
    ],
    [
      'a schema version from the future',
      { ...manifest(), schemaVersion: 2 },
      {},
      Code.UnsupportedSchemaVersion,
      'schemaVersion',
    ],
    [
      'a manifest without goods',
      { ...manifest(), goodsItems: [] },
      {},
      `${Code.Invalid}.shape`,
      'goodsItems',
    ],
    [
      'a manifest without a document number',
      { ...manifest(), transportDocumentReference: '' },
      {},
      `${Code.Invalid}.shape`,
      'transportDocumentReference',
    ],
    [
      'a container without seals',
      { ...manifest(), equipment: [{ reference: 'MSKU2666542' }] },
      {},
      `${Code.Invalid}.shape`,
      'equipment.0.seals',
    ],
    [
      'a movement with a bad time',
      { ...movement(), eventDateTime: 'yesterday' },
      {},
      `${Code.Invalid}.shape`,
      'eventDateTime',
    ],
    [
      'a movement with an odd action',
      { ...movement(), action: 'DELETE' },
      {},
      `${Code.Invalid}.shape`,
      'action',
    ],
    [
      'a reference without a value',
      { ...movement(), documentReferences: [{ type: 'TRD' }] },
      {},
      `${Code.Invalid}.shape`,
      'documentReferences.0.value',
    ],
  ])('rejects %s with a code and a path', (_name, value, headers, code, path) => {
    const decoded = decodeCanonicalRecord(record(value, headers));

    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? [] : decoded.errors).toContainEqual(expect.objectContaining({ code, path }));
  });

  it.each([
    [
      'a malformed UN/LOCODE',
      { ...manifest(), route: { ...manifest().route, portOfLoading: { unLocode: 'nope' } } },
      `${Code.Invalid}.matches`,
      'route.portOfLoading.unLocode',
    ],
    [
      'an HS code with letters',
      { ...manifest(), goodsItems: [{ ...manifest().goodsItems[0], hsCodes: ['93AB'] }] },
      `${Code.Invalid}.matches`,
      'goodsItems.0.hsCodes',
    ],
  ])('passes %s in essential mode and rejects it in full mode', (_name, value, code, path) => {
    expect(decodeCanonicalRecord(record(value), 'essential').ok).toBe(true);
    const full = decodeCanonicalRecord(record(value), 'full');
    expect(full.ok ? [] : full.errors).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('accepts what the contract accepts in full mode', () => {
    expect(decodeCanonicalRecord(record(manifest()), 'full').ok).toBe(true);
    expect(decodeCanonicalRecord(record(movement()), 'full').ok).toBe(true);
  });
});
