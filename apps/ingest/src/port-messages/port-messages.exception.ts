/** Failures of the ingest pipeline itself (not of a port's message); all are transient and retried. */
export enum PortMessagesErrorCode {
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
