import type { RejectionError } from '@chokepoint/contracts';
import type { IngestRecord, RecordHeaders } from '@chokepoint/ingest-decoding';

/** Codes for input lines that are not a Kafka record at all (the decoder's own codes cover the value). */
export const LINE_ERROR_CODES = {
  notJson: 'line.not_json',
  notObject: 'line.not_object',
  fieldRequired: 'line.field_required',
  fieldType: 'line.field_type',
} as const;

export type ParsedRecordLine = { ok: true; record: IngestRecord } | { ok: false; errors: RejectionError[] };

function fail(path: string, code: string, message: string): ParsedRecordLine {
  return { ok: false, errors: [{ path, code, message }] };
}

function headersOf(raw: unknown): { headers: RecordHeaders } | { error: RejectionError } {
  if (raw === undefined || raw === null) {
    return { headers: {} };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      error: { path: 'headers', code: LINE_ERROR_CODES.fieldType, message: 'headers: must be an object' },
    };
  }
  const headers: RecordHeaders = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') {
      headers[name] = value;
    } else if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) {
      headers[name] = value;
    } else if (value !== null && value !== undefined) {
      return {
        error: {
          path: `headers.${name}`,
          code: LINE_ERROR_CODES.fieldType,
          message: `headers.${name}: must be a string (or a list of strings)`,
        },
      };
    }
  }
  return { headers };
}

/** The record's value as Kafka would carry it: a JSON value as its text, a string as raw bytes. */
function valueBytes(value: unknown): Buffer | null {
  if (value === null) {
    return null;
  }
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}

/**
 * One NDJSON line (`{"topic","key","headers","timestamp","value"}`) → the record ingest would receive.
 * Partition and offset are not in the format: partition 0 and the line number stand in for them, so a
 * canonical event and a rejection both point back at the line.
 */
export function parseRecordLine(text: string, lineNumber: number): ParsedRecordLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('', LINE_ERROR_CODES.notJson, `not a JSON record: ${reason}`);
  }
  return recordOf(parsed, lineNumber);
}

/** The same for a line already parsed (records built in memory, e.g. a simulated port day). */
export function recordOf(parsed: unknown, lineNumber: number): ParsedRecordLine {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(
      '',
      LINE_ERROR_CODES.notObject,
      'a record must be a JSON object with topic, timestamp and value',
    );
  }
  const line = parsed as Record<string, unknown>;
  if (typeof line.topic !== 'string' || line.topic.length === 0) {
    return line.topic === undefined
      ? fail('topic', LINE_ERROR_CODES.fieldRequired, 'topic: required')
      : fail('topic', LINE_ERROR_CODES.fieldType, 'topic: must be a non-empty string');
  }
  const timestamp = line.timestamp;
  if (timestamp === undefined || timestamp === null) {
    return fail(
      'timestamp',
      LINE_ERROR_CODES.fieldRequired,
      'timestamp: required (event time of a manifest)',
    );
  }
  if (typeof timestamp !== 'string' && typeof timestamp !== 'number') {
    return fail('timestamp', LINE_ERROR_CODES.fieldType, 'timestamp: must be an ISO-8601 string or epoch ms');
  }
  if (!('value' in line)) {
    return fail(
      'value',
      LINE_ERROR_CODES.fieldRequired,
      'value: required (the message JSON, a string or null)',
    );
  }
  const key = line.key;
  if (key !== undefined && key !== null && typeof key !== 'string') {
    return fail('key', LINE_ERROR_CODES.fieldType, 'key: must be a string or null');
  }
  const headers = headersOf(line.headers);
  if ('error' in headers) {
    return { ok: false, errors: [headers.error] };
  }
  return {
    ok: true,
    record: {
      topic: line.topic,
      partition: 0,
      offset: String(lineNumber),
      key: key ?? null,
      value: valueBytes(line.value),
      headers: headers.headers,
      timestamp: String(timestamp),
    },
  };
}
