import type { MovementEvent } from '@chokepoint/contracts';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { inboundRecord, tnt300Event, transportDocument } from '../../test/port-message.factory';
import { canonicalEventKey } from './canonical-event-key';

function movement(
  references: MovementEvent['documentReferences'],
  equipmentReference?: string,
): MovementEvent {
  const [event] = decodeRecord(inboundRecord(tnt300Event())).events as MovementEvent[];
  if (!event) {
    throw new Error('fixture did not decode');
  }
  return { ...event, documentReferences: references, equipmentReference };
}

describe('canonicalEventKey', () => {
  it('keys a manifest by its transport document reference (the consignment id)', () => {
    const { events } = decodeRecord(
      inboundRecord(transportDocument({ transportDocumentReference: 'MSCU777' }), {
        topic: 'port.manifests.v1',
      }),
    );
    expect(events.map(canonicalEventKey)).toEqual(['MSCU777']);
  });

  it.each<[string, MovementEvent['documentReferences'], string | undefined, string]>([
    [
      'transport document first',
      [
        { type: 'BKG', value: 'BK1' },
        { type: 'TRD', value: 'TD1' },
      ],
      'MSKU2666542',
      'TD1',
    ],
    [
      'else the booking',
      [
        { type: 'SHI', value: 'SI1' },
        { type: 'BKG', value: 'BK1' },
      ],
      'MSKU2666542',
      'BK1',
    ],
    ['else the container', [{ type: 'SHI', value: 'SI1' }], 'MSKU2666542', 'MSKU2666542'],
    ['else the event id', [], undefined, 'evt-30-1'],
  ])('keys a movement by %s', (_name, references, equipment, expected) => {
    expect(canonicalEventKey(movement(references, equipment))).toBe(expected);
  });
});
