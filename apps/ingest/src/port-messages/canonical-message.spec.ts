import type { CanonicalEvent } from '@chokepoint/contracts';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { goldenMessages } from '../../test/golden-messages';
import { inboundRecord } from '../../test/port-message.factory';
import { canonicalEventKey } from './canonical-event-key';
import { CANONICAL_EVENT_HEADERS, toCanonicalMessage } from './canonical-message';

const events: Array<[string, CanonicalEvent]> = goldenMessages().flatMap(({ name, topic, message }) =>
  decodeRecord(inboundRecord(message, { topic })).events.map((event): [string, CanonicalEvent] => [
    name,
    event,
  ]),
);

describe('toCanonicalMessage', () => {
  it('covers manifests and movements', () => {
    expect(new Set(events.map(([, event]) => event.kind))).toEqual(new Set(['MANIFEST', 'MOVEMENT']));
  });

  it.each(events)(
    '%s: the value is the whole event as JSON, keyed and labelled for screening',
    (_name, event) => {
      const message = toCanonicalMessage(event);
      expect(JSON.parse(message.value)).toEqual(JSON.parse(JSON.stringify(event)));
      expect(message.key).toBe(canonicalEventKey(event));
      expect(message.headers).toEqual({
        [CANONICAL_EVENT_HEADERS.kind]: event.kind,
        [CANONICAL_EVENT_HEADERS.schemaVersion]: '1',
      });
    },
  );
});
