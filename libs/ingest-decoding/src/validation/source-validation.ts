import type { RejectionError } from '@chokepoint/contracts';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
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

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) {
    return `${parent}[${property}]`;
  }
  return parent === '' ? property : `${parent}.${property}`;
}

function collect(errors: ValidationError[], parent: string, out: RejectionError[]): void {
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      const mapped = constraints.map(([name, message]) => ({
        code: CONSTRAINT_CODES[name] ?? REJECTION_CODES.fieldInvalid,
        message: message.replace(/^(each value in )?/, ''),
      }));
      const first = PRECEDENCE.map((code) => mapped.find((m) => m.code === code)).find(Boolean);
      for (const m of first ? [first] : mapped) {
        out.push({ path, code: m.code, message: `${path}: ${m.message}` });
      }
    }
    if (error.children && error.children.length > 0) {
      collect(error.children, path, out);
    }
  }
}

/** ValidationErrors as RejectionErrors with dotted source paths (`consignmentItems[0].HSCodes`). */
export function toRejectionErrors(errors: ValidationError[], pathPrefix = ''): RejectionError[] {
  const out: RejectionError[] = [];
  collect(errors, pathPrefix, out);
  return out;
}

export type SourceValidationResult<T> = { ok: true; value: T } | { ok: false; errors: RejectionError[] };

/** plainToInstance and validateSync always together: transform (normalise) then check. */
export function validateSource<T extends object>(
  dto: ClassConstructor<T>,
  plain: Record<string, unknown>,
  pathPrefix = '',
): SourceValidationResult<T> {
  const instance = plainToInstance(dto, plain);
  const errors = validateSync(instance, { forbidUnknownValues: false, validationError: { target: false } });
  if (errors.length > 0) {
    return { ok: false, errors: toRejectionErrors(errors, pathPrefix) };
  }
  return { ok: true, value: instance };
}
