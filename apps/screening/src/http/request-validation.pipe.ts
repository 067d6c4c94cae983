import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export const REQUEST_VALIDATION_FAILED = 'screening.request.validation_failed';

function flatten(
  errors: readonly ValidationError[],
  parent = '',
): { path: string; code: string; message: string }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      code: `${REQUEST_VALIDATION_FAILED}.${constraint}`,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Validates request bodies against their DTO class; errors come back with a path and a code each. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        code: REQUEST_VALIDATION_FAILED,
        message: 'the request body is invalid',
        errors: flatten(errors),
      }),
  });
}
