import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvironmentError';
  }
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const constraints = Object.values(error.constraints ?? {}).join('; ');
  const given = raw[error.property];
  const shown = given === undefined ? 'missing' : `got ${JSON.stringify(given)}`;
  return `${error.property}: ${constraints} (${shown})`;
}

/**
 * Turns raw environment variables into a typed, validated settings object, or throws one error that
 * names every bad variable so an operator fixes them all in one go.
 */
export function validateEnvironment<T extends object>(
  environmentClass: new () => T,
  raw: Record<string, unknown>,
): T {
  const settings = plainToInstance(environmentClass, raw, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(settings, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new EnvironmentError(errors.map((error) => describe(error, raw)));
  }
  return settings;
}
