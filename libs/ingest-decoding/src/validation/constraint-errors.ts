import type { RejectionError } from '@chokepoint/contracts';
import { REJECTION_CODES } from '../rejection-codes';

const CONSTRAINT_CODES: Record<string, string> = {
  isDefined: REJECTION_CODES.fieldRequired,
  isNotEmpty: REJECTION_CODES.fieldRequired,
  arrayNotEmpty: REJECTION_CODES.fieldLength,
  isString: REJECTION_CODES.fieldType,
  isNumber: REJECTION_CODES.fieldType,
  isInt: REJECTION_CODES.fieldType,
  isBoolean: REJECTION_CODES.fieldType,
  isArray: REJECTION_CODES.fieldType,
  isObject: REJECTION_CODES.fieldType,
  notArray: REJECTION_CODES.fieldType,
  nestedValidation: REJECTION_CODES.fieldType,
  maxLength: REJECTION_CODES.fieldLength,
  minLength: REJECTION_CODES.fieldLength,
  isLength: REJECTION_CODES.fieldLength,
  arrayMinSize: REJECTION_CODES.fieldLength,
  arrayMaxSize: REJECTION_CODES.fieldLength,
  matches: REJECTION_CODES.fieldFormat,
  isIso8601: REJECTION_CODES.fieldFormat,
  isISO8601: REJECTION_CODES.fieldFormat,
  isDateString: REJECTION_CODES.fieldFormat,
  isIn: REJECTION_CODES.fieldEnum,
  isEnum: REJECTION_CODES.fieldEnum,
  min: REJECTION_CODES.fieldRange,
  max: REJECTION_CODES.fieldRange,
  isPositive: REJECTION_CODES.fieldRange,
};

// A missing value fails every constraint on it; only "required" helps the sender.
const PRECEDENCE = [REJECTION_CODES.fieldRequired, REJECTION_CODES.fieldType];

const NUMERIC = /^\d+$/;

/** `parent.property`, or `parent[3]` for an array index, as port engineers read paths. */
export function joinPath(parent: string, property: string): string {
  if (NUMERIC.test(property)) {
    return `${parent}[${property}]`;
  }
  return parent === '' ? property : `${parent}.${property}`;
}

/** A failed class-validator constraint: its name (`maxLength`, `isDefined`, …) and its message. */
export type FailedConstraint = readonly [name: string, message: string];

/**
 * The RejectionErrors for one property's failed constraints, in class-validator's order. When "required"
 * or "type" failed, that one error alone: the other constraints failed only because of it.
 */
export function pushConstraintErrors(
  path: string,
  constraints: readonly FailedConstraint[],
  out: RejectionError[],
): void {
  const mapped = constraints.map(([name, message]) => ({
    code: CONSTRAINT_CODES[name] ?? REJECTION_CODES.fieldInvalid,
    message: message.replace(/^(each value in )?/, ''),
  }));
  const first = PRECEDENCE.map((code) => mapped.find((m) => m.code === code)).find(Boolean);
  for (const m of first ? [first] : mapped) {
    out.push({ path, code: m.code, message: `${path}: ${m.message}` });
  }
}
