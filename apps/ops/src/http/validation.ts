import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, OpsException } from './ops.exception';

/** Every failed constraint of every field, nested paths joined with dots (roles.0, items.2.text). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      message: code === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class RequestValidationException extends OpsException {
  constructor(fieldErrors: FieldError[]) {
    super('request.invalid', HttpStatus.BAD_REQUEST, 'the request has invalid fields', fieldErrors);
  }
}

/** Strict: unknown fields are errors, not silently dropped, and every field error is reported. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) =>
      new RequestValidationException(flattenValidationErrors(errors)),
  });
}
