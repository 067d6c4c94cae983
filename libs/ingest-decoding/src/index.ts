export * from './decode-record';
export * from './rejection-codes';
export { MESSAGE_FORMATS, type MessageFormat } from './decoders/decoder.types';
export { decodeEbl300TransportDocument } from './decoders/ebl-3-0-0.decoder';
export { decodeTnt220Event } from './decoders/tnt-2-2-0.decoder';
export { decodeTnt300Event } from './decoders/tnt-3-0-0.decoder';
export { decodeTnt300Beta1Event } from './decoders/tnt-3-0-0-beta-1.decoder';
export { guardRawRecord, DEFAULT_MAX_JSON_DEPTH, DEFAULT_MAX_RECORD_BYTES } from './record/raw-record.guard';
export type { RecordHeaders } from './record/record-headers';
export { isValidIso6346, iso6346CheckDigit } from './check-digits/iso6346';
export { isValidImoNumber } from './check-digits/imo-number';
export {
  SOURCE_VALIDATORS,
  type SourceValidator,
  type SourceValidationResult,
  validateSource,
  validateWithClassValidator,
} from './validation/source-validation';
export { canonicalEventErrors } from './validation/canonical-validation';
export {
  CompiledValidation,
  compiledValidationOf,
  UnsupportedValidationMetadataError,
  unspecialisedChecks,
} from './validation/compiled-validation';
