/** One reason a record was rejected: where in the message, a stable code, and a sentence for a port engineer. */
export interface RejectionError {
  path: string;
  code: string;
  message: string;
}

/** Value of chokepoint.dlq.v1, pinned by DESIGN.md. */
export interface RejectionRecord {
  sourceTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  /**
   * Original bytes, base64. When `valueTruncated` is true, only the first bytes of the value (a multiple
   * of three, so that the base64 has no padding): the whole record would not fit the dead-letter topic.
   */
  value: string | null;
  /** Original headers, each value base64 so that binary headers survive. */
  headers: Record<string, string>;
  errors: RejectionError[];
  rejectedAt: string;
  /**
   * Present (true) only when the value was cut to keep the dead-letter record under its size budget;
   * `errors` then ends with a `record.truncated_in_dlq` entry saying what was kept. Read the whole record
   * from `sourceTopic` at `partition`/`offset` while the topic retains it.
   */
  valueTruncated?: true;
  /** Size of the whole original value in bytes; only with `valueTruncated`. */
  originalSizeBytes?: number;
  /** Hex SHA-256 of the whole original value, to check a copy fetched elsewhere; only with `valueTruncated`. */
  valueSha256?: string;
}
