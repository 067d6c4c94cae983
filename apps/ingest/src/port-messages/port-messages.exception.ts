/** Failures of the ingest pipeline itself (not of a port's message); the chunk is retried. */
export enum PortMessagesErrorCode {
  PreparationFailed = 'ingest.preparation_failed',
  PublishFailed = 'ingest.publish_failed',
  SeenEventStoreFailed = 'ingest.seen_event_store_failed',
}

export class PortMessagesException extends Error {
  constructor(
    readonly code: PortMessagesErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
    this.name = 'PortMessagesException';
  }
}
