import type {
  DocumentReference,
  EventKind,
  ModeOfTransport,
  MovementEvent,
  Seal,
} from '@chokepoint/contracts';
import { CANONICAL_MOVEMENT_VERSION } from '@chokepoint/contracts';
import type { DecodingContext } from '../enrichment/decoding-context';
import { type DecoderInput, type MessageFormat } from './decoder.types';

export const RETRACT_EVENT_CODE = 'RETRACT';

/** Canonical fields every TNT version fills the same way. */
export function movementSkeleton(
  input: DecoderInput,
  format: MessageFormat,
  ctx: DecodingContext,
): Pick<MovementEvent, 'schemaVersion' | 'kind' | 'source' | 'anomalies'> {
  return {
    schemaVersion: CANONICAL_MOVEMENT_VERSION,
    kind: 'MOVEMENT',
    source: { topic: input.topic, partition: input.partition, offset: input.offset, format },
    anomalies: ctx.anomalies,
  };
}

export function equipmentFields(
  ctx: DecodingContext,
  reference: string | undefined,
  path: string,
): Pick<MovementEvent, 'equipmentReference' | 'equipmentReferenceCheckDigitValid'> {
  if (reference === undefined) {
    return {};
  }
  return {
    equipmentReference: reference,
    equipmentReferenceCheckDigitValid: ctx.equipmentCheckDigit(reference, path),
  };
}

export function uniqueDocumentReferences(references: DocumentReference[]): DocumentReference[] {
  const seen = new Set<string>();
  return references.filter((r) => {
    const key = `${r.type}:${r.value}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

export function seals(source: Array<{ number: string; source?: string; type?: string }> | undefined): Seal[] {
  return (source ?? []).map((s) => ({ number: s.number, source: s.source, type: s.type }));
}

export function asMode(value: string | undefined): ModeOfTransport | undefined {
  return value as ModeOfTransport | undefined;
}

export function asKind(value: string): EventKind {
  return value as EventKind;
}
