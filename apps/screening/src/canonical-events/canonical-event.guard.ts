import type { RejectionError } from '@chokepoint/contracts';
import { CanonicalEventRejectionCode as Code } from './canonical-events.exception';

type Check = (value: unknown) => string | null;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text: Check = (value) =>
  typeof value === 'string' && value.length > 0 ? null : 'must be a non-empty string';
const optionalText: Check = (value) =>
  value === undefined || typeof value === 'string' ? null : 'must be a string';
const time: Check = (value) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'must be an ISO-8601 date-time';
const object: Check = (value) => (isObject(value) ? null : 'must be an object');
const optionalObject: Check = (value) =>
  value === undefined || isObject(value) ? null : 'must be an object';
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? null : `must be one of ${allowed.join(', ')}`;

/** Collects every problem with its path, like the contract validation does. */
class Guard {
  readonly errors: RejectionError[] = [];

  field(node: Record<string, unknown>, path: string, name: string, check: Check): void {
    const problem = check(node[name]);
    if (problem) {
      const at = path ? `${path}.${name}` : name;
      this.errors.push({ path: at, code: `${Code.Invalid}.shape`, message: `${at} ${problem}` });
    }
  }

  /** An array whose items are objects, each checked by `item`; false when it is not an array. */
  objects(
    node: Record<string, unknown>,
    path: string,
    name: string,
    item: (entry: Record<string, unknown>, at: string) => void,
    minimum = 0,
  ): void {
    const at = path ? `${path}.${name}` : name;
    const value = node[name];
    if (!Array.isArray(value) || value.length < minimum) {
      this.errors.push({
        path: at,
        code: `${Code.Invalid}.shape`,
        message: `${at} must be an array${minimum > 0 ? ` of at least ${minimum}` : ''}`,
      });
      return;
    }
    value.forEach((entry, index) => {
      if (isObject(entry)) {
        item(entry, `${at}.${index}`);
      } else {
        this.errors.push({
          path: `${at}.${index}`,
          code: `${Code.Invalid}.shape`,
          message: `${at}.${index} must be an object`,
        });
      }
    });
  }

  strings(node: Record<string, unknown>, path: string, name: string): void {
    const value = node[name];
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
      const at = path ? `${path}.${name}` : name;
      this.errors.push({
        path: at,
        code: `${Code.Invalid}.shape`,
        message: `${at} must be an array of strings`,
      });
    }
  }
}

const seal = (guard: Guard) => (entry: Record<string, unknown>, at: string) =>
  guard.field(entry, at, 'number', text);

/**
 * The shape screening itself relies on (identity, joining keys, event time, the arrays the engine walks),
 * checked by hand in a few microseconds. Ingest validated the full contract before publishing; this
 * catches records from anything else. SCREENING_CANONICAL_VALIDATION=full runs the contract classes too.
 */
export function guardManifest(value: Record<string, unknown>): RejectionError[] {
  const guard = new Guard();
  guard.field(value, '', 'transportDocumentReference', text);
  guard.field(value, '', 'receivedAt', time);
  guard.strings(value, '', 'bookingReferences');
  guard.objects(value, '', 'parties', (party, at) => guard.field(party, at, 'name', text));
  guard.objects(
    value,
    '',
    'goodsItems',
    (item, at) => {
      guard.strings(item, at, 'hsCodes');
      guard.field(item, at, 'description', (v) => (typeof v === 'string' ? null : 'must be a string'));
      guard.strings(item, at, 'equipmentReferences');
      guard.objects(item, at, 'licences', () => undefined);
    },
    1,
  );
  guard.objects(value, '', 'equipment', (equipment, at) => {
    guard.field(equipment, at, 'reference', text);
    guard.objects(equipment, at, 'seals', seal(guard));
  });
  guard.objects(value, '', 'licences', () => undefined);
  guard.field(value, '', 'route', object);
  const route = value.route;
  if (isObject(route)) {
    guard.field(route, 'route', 'portOfLoading', object);
    guard.field(route, 'route', 'portOfDischarge', object);
    guard.field(route, 'route', 'placeOfReceipt', optionalObject);
    guard.field(route, 'route', 'placeOfDelivery', optionalObject);
    guard.objects(route, 'route', 'vesselVoyages', () => undefined);
  }
  guard.objects(value, '', 'anomalies', () => undefined);
  return guard.errors;
}

export function guardMovement(value: Record<string, unknown>): RejectionError[] {
  const guard = new Guard();
  guard.field(value, '', 'eventId', text);
  guard.field(value, '', 'originatingParty', text);
  guard.field(value, '', 'action', oneOf('UPSERT', 'RETRACT'));
  guard.field(value, '', 'eventKind', text);
  guard.field(value, '', 'eventCode', text);
  guard.field(value, '', 'classifier', text);
  guard.field(value, '', 'eventDateTime', time);
  guard.field(value, '', 'equipmentReference', optionalText);
  guard.field(value, '', 'location', optionalObject);
  guard.field(value, '', 'vessel', optionalObject);
  guard.objects(value, '', 'seals', seal(guard));
  guard.objects(value, '', 'documentReferences', (reference, at) => {
    guard.field(reference, at, 'type', text);
    guard.field(reference, at, 'value', text);
  });
  guard.objects(value, '', 'anomalies', () => undefined);
  return guard.errors;
}
