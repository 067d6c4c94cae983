/** Stable codes carried by every RejectionError this library produces (DLQ consumers match on them). */
export const REJECTION_CODES = {
  recordEmpty: 'record.empty',
  recordTooLarge: 'record.too_large',
  recordNotUtf8: 'record.not_utf8',
  recordNotJson: 'record.not_json',
  recordNotObject: 'record.not_object',
  recordTooDeep: 'record.too_deep',
  formatUnknown: 'format.unknown',
  formatUnsupported: 'format.unsupported',
  topicUnknown: 'topic.unknown',
  eventsEmpty: 'events.empty',
  eventNotObject: 'event.not_object',
  fieldRequired: 'field.required',
  fieldType: 'field.type',
  fieldLength: 'field.length',
  fieldFormat: 'field.format',
  fieldEnum: 'field.enum',
  fieldRange: 'field.range',
  fieldInvalid: 'field.invalid',
  /** The message decoded, but into an event the canonical classes reject (a gap in the source checks). */
  canonicalInvalid: 'canonical.invalid',
} as const;

export type RejectionCode = (typeof REJECTION_CODES)[keyof typeof REJECTION_CODES];
