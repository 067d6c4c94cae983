import type { MovementEvent } from '@chokepoint/contracts';
import { TEST_CONTAINER, place } from './manifest.factory';

export type MovementOverrides = Partial<MovementEvent> & {
  at?: string;
  unLocode?: string;
  trd?: string | null;
};

/** An actual container event at Hai Phong for the default consignment; the id follows from its content. */
export function movement(overrides: MovementOverrides = {}): MovementEvent {
  const { at, unLocode, trd, ...rest } = overrides;
  const eventCode = rest.eventCode ?? 'LOAD';
  const eventDateTime = at ?? rest.eventDateTime ?? '2026-03-02T10:00:00.000Z';
  const location = rest.location ?? place(unLocode ?? 'VNHPH');
  const equipmentReference = rest.equipmentReference ?? TEST_CONTAINER;
  const documentReference = trd === undefined ? 'MAEU123456789' : trd;
  return {
    schemaVersion: 1,
    kind: 'MOVEMENT',
    eventId: `${eventCode}-${location.unLocode ?? '?'}-${equipmentReference}-${eventDateTime}`,
    originatingParty: 'TOS-HPH',
    action: 'UPSERT',
    eventKind: 'EQUIPMENT',
    classifier: 'ACT',
    seals: [],
    documentReferences: documentReference === null ? [] : [{ type: 'TRD', value: documentReference }],
    source: { topic: 'port.movements.v1', format: 'DCSA_TNT_3_0_0' },
    anomalies: [],
    ...rest,
    eventCode,
    eventDateTime,
    location,
    equipmentReference,
  };
}
