import {
  type CanonicalEvent,
  ConsignmentManifest,
  MovementEvent,
  type RejectionError,
} from '@chokepoint/contracts';
import { REJECTION_CODES } from '../rejection-codes';
import { SOURCE_VALIDATORS, type SourceValidator, validateWithClassValidator } from './source-validation';
import { compiledValidationOf } from './compiled-validation';

/**
 * Errors of a decoded event against ConsignmentManifest or MovementEvent, as `canonical.invalid` on the
 * event's source path (`''`, or `events[2]` in a push body). The message names the canonical field.
 */
export function canonicalEventErrors(
  event: CanonicalEvent,
  pathPrefix: string,
  validator: SourceValidator = SOURCE_VALIDATORS.compiled,
): RejectionError[] {
  const errors =
    validator === SOURCE_VALIDATORS.classValidator
      ? referenceErrors(event)
      : event.kind === 'MANIFEST'
        ? compiledValidationOf(ConsignmentManifest).check(event)
        : compiledValidationOf(MovementEvent).check(event);
  return errors.map((error) => ({
    path: pathPrefix,
    code: REJECTION_CODES.canonicalInvalid,
    message:
      `${pathPrefix || 'record'}: decodes to a canonical ${event.kind.toLowerCase()} event the ` +
      `canonical model rejects (${error.code}) at ${error.message}`,
  }));
}

function referenceErrors(event: CanonicalEvent): RejectionError[] {
  const result =
    event.kind === 'MANIFEST'
      ? validateWithClassValidator(ConsignmentManifest, event)
      : validateWithClassValidator(MovementEvent, event);
  return result.ok ? [] : result.errors;
}
