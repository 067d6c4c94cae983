import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import {
  CANONICAL_MANIFEST_VERSION,
  CANONICAL_MOVEMENT_VERSION,
  type CanonicalEvent,
  ConsignmentManifest,
  MovementEvent,
  type RejectionError,
} from '@chokepoint/contracts';
import type { InboundRecord } from '@chokepoint/kafka';
import { guardManifest, guardMovement } from './canonical-event.guard';
import { CanonicalEventRejectionCode as Code } from './canonical-events.exception';

/** Headers ingest sets on canonical records. */
export const CANONICAL_EVENT_HEADERS = {
  kind: 'chokepoint-event-kind',
  schemaVersion: 'chokepoint-schema-version',
} as const;

export type DecodedCanonicalRecord =
  { ok: true; event: CanonicalEvent } | { ok: false; errors: RejectionError[] };

const VERSIONS = { MANIFEST: CANONICAL_MANIFEST_VERSION, MOVEMENT: CANONICAL_MOVEMENT_VERSION } as const;

function flatten(errors: readonly ValidationError[], parent = ''): RejectionError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      code: `${Code.Invalid}.${constraint}`,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

function reject(code: Code, message: string, path = ''): DecodedCanonicalRecord {
  return { ok: false, errors: [{ path, code, message }] };
}

/**
 * `essential`: the shape screening relies on, checked by hand (microseconds); `full`: the contract
 * classes as well (class-validator, most of a millisecond per event, several times the engine's cost).
 */
export type CanonicalValidation = 'essential' | 'full';

/**
 * A canonical record as ingest published it. Ingest validated it against the contract already, so a
 * failure here means a bug or a foreign producer: it goes to the dead-letter topic with its reasons.
 * The engine gets the parsed JSON itself, not class instances.
 */
export function decodeCanonicalRecord(
  record: InboundRecord,
  validation: CanonicalValidation = 'essential',
): DecodedCanonicalRecord {
  if (record.value === null || record.value.length === 0) {
    return reject(Code.EmptyValue, 'record has no value');
  }
  let value: unknown;
  try {
    value = JSON.parse(record.value.toString('utf8'));
  } catch (error) {
    return reject(Code.NotJson, `value is not JSON: ${(error as Error).message}`);
  }
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (kind !== 'MANIFEST' && kind !== 'MOVEMENT') {
    return reject(Code.UnknownKind, `kind must be MANIFEST or MOVEMENT, got ${JSON.stringify(kind)}`, 'kind');
  }
  const header = record.headers[CANONICAL_EVENT_HEADERS.kind]?.toString('utf8');
  if (header !== undefined && header !== kind) {
    return reject(
      Code.KindHeaderMismatch,
      `header ${CANONICAL_EVENT_HEADERS.kind} says ${header}, value says ${kind}`,
    );
  }
  const schemaVersion = (value as { schemaVersion?: unknown }).schemaVersion;
  if (schemaVersion !== VERSIONS[kind]) {
    return reject(
      Code.UnsupportedSchemaVersion,
      `${kind} schemaVersion ${JSON.stringify(schemaVersion)} is not supported (expected ${VERSIONS[kind]})`,
      'schemaVersion',
    );
  }
  const node = value as Record<string, unknown>;
  const shapeErrors = kind === 'MANIFEST' ? guardManifest(node) : guardMovement(node);
  if (shapeErrors.length > 0) {
    return { ok: false, errors: shapeErrors };
  }
  if (validation === 'full') {
    const instance: object =
      kind === 'MANIFEST'
        ? plainToInstance(ConsignmentManifest, value)
        : plainToInstance(MovementEvent, value);
    const errors = validateSync(instance, {
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length > 0) {
      return { ok: false, errors: flatten(errors) };
    }
  }
  return { ok: true, event: value as CanonicalEvent };
}
