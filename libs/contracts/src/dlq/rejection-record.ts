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
  /** Original bytes, base64. */
  value: string | null;
  /** Original headers, each value base64 so that binary headers survive. */
  headers: Record<string, string>;
  errors: RejectionError[];
  rejectedAt: string;
}
