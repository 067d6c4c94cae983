import { createHash } from 'node:crypto';
import type { CanonicalEvent } from '@chokepoint/contracts';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { goldenMessages as golden } from '../../test/golden-messages';
import { inboundRecord } from '../../test/port-message.factory';
import { contentFingerprint, fingerprintOf } from './content-fingerprint';

const goldenMessages = golden().map(({ name, topic, message }): [string, string, unknown] => [
  name,
  topic,
  message,
]);

/** The same JSON with the keys of every object in reverse order, as another port system might send it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reverseKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reverseKeys(item)]),
    );
  }
  return value;
}

function decode(
  topic: string,
  message: unknown,
  arrival: { partition: number; offset: string; timestamp: string },
) {
  const { events } = decodeRecord(inboundRecord(message, { topic, ...arrival }));
  expect(events.length).toBeGreaterThan(0);
  return events;
}

type Path = Array<string | number>;

/** Paths to every leaf and every array of what a message says (not where or when it arrived). */
function contentPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) {
    return [path, ...value.flatMap((item, index) => contentPaths(item, [...path, index]))];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      path.length === 0 && (key === 'source' || key === 'receivedAt')
        ? []
        : contentPaths(item, [...path, key]),
    );
  }
  return [path];
}

/** A deep copy of the event with the value at `path` changed: another string, number or flag, or one array item fewer or more. */
function changedAt(event: CanonicalEvent, path: Path): CanonicalEvent {
  const copy = structuredClone(event) as unknown as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    parent = parent[step] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (last === undefined) {
    throw new Error('the event itself is not a leaf');
  }
  const value = parent[last];
  if (Array.isArray(value)) {
    parent[last] = value.length > 0 ? value.slice(1) : ['added'];
  } else if (typeof value === 'string') {
    parent[last] = `${value}x`;
  } else if (typeof value === 'number') {
    parent[last] = value + 1;
  } else if (typeof value === 'boolean') {
    parent[last] = !value;
  } else {
    throw new Error(`unexpected ${typeof value} at ${path.join('.')}`);
  }
  return copy as unknown as CanonicalEvent;
}

describe('contentFingerprint', () => {
  const first = { partition: 0, offset: '10', timestamp: '2026-03-04T10:00:00.000Z' };
  const redelivered = { partition: 5, offset: '98765', timestamp: '2026-03-09T23:59:59.999Z' };

  it.each(goldenMessages)(
    '%s: the same content received elsewhere, later or with its keys in another order gives the same fingerprint',
    (_name, topic, message) => {
      const original = decode(topic, message, first).map(contentFingerprint);
      expect(decode(topic, message, redelivered).map(contentFingerprint)).toEqual(original);
      expect(decode(topic, reverseKeys(message), redelivered).map(contentFingerprint)).toEqual(original);
      expect(new Set(original).size).toBe(original.length);
    },
  );

  it.each(goldenMessages)('%s: any change of content gives another fingerprint', (_name, topic, message) => {
    for (const event of decode(topic, message, first)) {
      const original = contentFingerprint(event);
      const paths = contentPaths(event);
      expect(paths.length).toBeGreaterThan(5);
      for (const path of paths) {
        expect([path.join('.'), contentFingerprint(changedAt(event, path))]).not.toEqual([
          path.join('.'),
          original,
        ]);
      }
    }
  });

  it('tells apart an optional value that is absent from one that is present', () => {
    const [event] = decode('port.movements.v1', goldenMessages[goldenMessages.length - 1]?.[2], first);
    if (event?.kind !== 'MOVEMENT') {
      throw new Error('fixture is not a movement');
    }
    const withEquipment = { ...event, equipmentReference: 'MSKU2666542' };
    const withoutEquipment = { ...event, equipmentReference: undefined };
    expect(contentFingerprint(withEquipment)).not.toBe(contentFingerprint(withoutEquipment));
    expect(contentFingerprint(withoutEquipment)).toBe(
      contentFingerprint(JSON.parse(JSON.stringify(withoutEquipment)) as CanonicalEvent),
    );
  });

  it('is a SHA-256 in hex, as the seen-event table stores it', () => {
    const [event] = decode('port.movements.v1', goldenMessages[goldenMessages.length - 1]?.[2], first);
    expect(event && contentFingerprint(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the UTF-8 bytes of the JSON, so rows written before stay comparable', () => {
    // FIPS 180-2's test vector, and a text outside ASCII against the Hash object rows were written with.
    expect(fingerprintOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const text = '{"name":"Công ty Hải Phòng – Ωmega"}';
    expect(fingerprintOf(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  });
});
