import type { CanonicalEvent, MovementEvent } from '@chokepoint/contracts';

function documentReference(event: MovementEvent, type: 'TRD' | 'BKG'): string | undefined {
  return event.documentReferences.find((reference) => reference.type === type)?.value;
}

/**
 * Kafka key on the canonical topic: what screening joins on, so that one consignment's manifests and
 * movements stay in one partition and in order. Manifests by consignment id (transport document
 * reference); movements by the same where they name it, else booking, else container, else event id.
 */
export function canonicalEventKey(event: CanonicalEvent): string {
  if (event.kind === 'MANIFEST') {
    return event.transportDocumentReference;
  }
  return (
    documentReference(event, 'TRD') ??
    documentReference(event, 'BKG') ??
    event.equipmentReference ??
    event.eventId
  );
}
