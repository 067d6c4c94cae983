import type { RejectionError } from '@chokepoint/contracts';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { compiledValidationOf } from './compiled-validation';
import { joinPath, pushConstraintErrors } from './constraint-errors';

function collect(errors: ValidationError[], parent: string, out: RejectionError[]): void {
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      pushConstraintErrors(path, constraints, out);
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

/**
 * How a decoder checks a message against its class-validator classes. `compiled` (the default) runs the
 * classes' decorators compiled into closures; `class-validator` runs plainToInstance and validateSync
 * themselves, the reference the compiled path is tested against (libs/ingest-decoding/test).
 */
export const SOURCE_VALIDATORS = {
  compiled: 'compiled',
  classValidator: 'class-validator',
} as const;
export type SourceValidator = (typeof SOURCE_VALIDATORS)[keyof typeof SOURCE_VALIDATORS];

/** The reference: plainToInstance and validateSync always together, transform (normalise) then check. */
export function validateWithClassValidator<T extends object>(
  dto: ClassConstructor<T>,
  plain: object,
  pathPrefix = '',
): SourceValidationResult<T> {
  const instance = plainToInstance(dto, plain);
  const errors = validateSync(instance, { forbidUnknownValues: false, validationError: { target: false } });
  if (errors.length > 0) {
    return { ok: false, errors: toRejectionErrors(errors, pathPrefix) };
  }
  return { ok: true, value: instance };
}

/** Transforms and validates a plain object against a class; errors carry source paths under `pathPrefix`. */
export function validateSource<T extends object>(
  dto: ClassConstructor<T>,
  plain: object,
  pathPrefix = '',
  validator: SourceValidator = SOURCE_VALIDATORS.compiled,
): SourceValidationResult<T> {
  return validator === SOURCE_VALIDATORS.classValidator
    ? validateWithClassValidator(dto, plain, pathPrefix)
    : compiledValidationOf(dto).validate(plain, pathPrefix);
}
