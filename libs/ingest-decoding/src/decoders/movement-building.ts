import type {
  DocumentReference,
  EventKind,
  ModeOfTransport,
  Seal,
  SourcePosition,
} from '@chokepoint/contracts';
import type { DecodingContext } from '../enrichment/decoding-context';
import { type DecoderInput, type MessageFormat } from './decoder.types';

export const RETRACT_EVENT_CODE = 'RETRACT';

/** Where the event came from; listed field by field in each decoder, as spreads cost more than the rest. */
export function sourcePosition(input: DecoderInput, format: MessageFormat): SourcePosition {
  return { topic: input.topic, partition: input.partition, offset: input.offset, format };
}

/** The ISO 6346 verdict on a container number (an anomaly when it fails), undefined without one. */
export function equipmentCheckDigit(
  ctx: DecodingContext,
  reference: string | undefined,
  path: string,
): boolean | undefined {
  return reference === undefined ? undefined : ctx.equipmentCheckDigit(reference, path);
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
