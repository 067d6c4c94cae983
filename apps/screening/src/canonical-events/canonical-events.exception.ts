/** Why a canonical record cannot be applied; these reach the dead-letter topic with the record. */
export enum CanonicalEventRejectionCode {
  EmptyValue = 'screening.canonical.empty_value',
  NotJson = 'screening.canonical.not_json',
  UnknownKind = 'screening.canonical.unknown_kind',
  KindHeaderMismatch = 'screening.canonical.kind_header_mismatch',
  UnsupportedSchemaVersion = 'screening.canonical.unsupported_schema_version',
  Invalid = 'screening.canonical.invalid',
  /** The engine threw on this event; it is set aside so the partition keeps flowing. */
  EngineFailure = 'screening.canonical.engine_failure',
}
