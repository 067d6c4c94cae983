import type { RejectionError } from '@chokepoint/contracts';
import { REJECTION_CODES } from '../rejection-codes';
import { jsonNestingDepth } from './json-depth';
import { locateJsonSyntaxError } from './json-syntax';

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
export const DEFAULT_MAX_JSON_DEPTH = 32;

export interface RawRecordLimits {
  maxBytes?: number;
  maxDepth?: number;
}

export type RawRecordGuardResult =
  { ok: true; message: Record<string, unknown> } | { ok: false; error: RejectionError };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// Keys that would reach Object.prototype once class-transformer copies them onto instances.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether a parsed value nests deeper than `limit` (counted as jsonNestingDepth counts brackets), removing
 * forbidden keys and null-valued properties on the way. DCSA senders write `null` for an absent optional
 * field, and the classes' @IsOptional lets null through, so a decoder would otherwise meet null where it
 * expects a value or nothing. (Array elements stay: `[null]` is an error to report.) Recursion stops at
 * the limit, so it is safe whatever V8 managed to parse.
 */
function exceedsDepth(value: unknown, depth: number, limit: number): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  if (depth + 1 > limit) {
    return true;
  }
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (exceedsDepth(item, depth + 1, limit)) {
        return true;
      }
    }
    return false;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    if (object[key] === null || FORBIDDEN_KEYS.has(key)) {
      delete object[key];
    } else if (exceedsDepth(object[key], depth + 1, limit)) {
      return true;
    }
  }
  return false;
}

function reject(code: string, message: string): RawRecordGuardResult {
  return { ok: false, error: { path: '', code, message } };
}

const tooDeep = (maxDepth: number): RawRecordGuardResult =>
  reject(REJECTION_CODES.recordTooDeep, `JSON nesting exceeds the limit of ${maxDepth} levels`);

/** Turns raw record bytes into a JSON object, or says precisely why it cannot. */
export function guardRawRecord(
  value: Buffer | null | undefined,
  limits: RawRecordLimits = {},
): RawRecordGuardResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  if (!value || value.length === 0) {
    return reject(REJECTION_CODES.recordEmpty, 'record value is empty (null or zero bytes)');
  }
  if (value.length > maxBytes) {
    return reject(
      REJECTION_CODES.recordTooLarge,
      `record value is ${value.length} bytes; the limit is ${maxBytes}`,
    );
  }
  let text: string;
  try {
    text = utf8.decode(value);
  } catch {
    return reject(REJECTION_CODES.recordNotUtf8, 'record value is not valid UTF-8');
  }
  if (text.trim() === '') {
    return reject(REJECTION_CODES.recordEmpty, 'record value holds only whitespace');
  }
  // V8's JSON.parse is iterative, so deep input cannot overflow the stack there; parse first and measure
  // the depth on the result, which costs a tenth of scanning the text. Broken text is scanned, so that a
  // record both too deep and broken is still reported as too deep.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (jsonNestingDepth(text, maxDepth) > maxDepth) {
      return tooDeep(maxDepth);
    }
    const location = locateJsonSyntaxError(text);
    const where = location
      ? `at line ${location.line} column ${location.column} (position ${location.position})`
      : 'at an unknown position';
    const reason = error instanceof Error ? error.message : String(error);
    return reject(REJECTION_CODES.recordNotJson, `record value is not valid JSON ${where}: ${reason}`);
  }
  if (exceedsDepth(parsed, 0, maxDepth)) {
    return tooDeep(maxDepth);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`;
    return reject(REJECTION_CODES.recordNotObject, `record value is JSON ${kind}; a JSON object is expected`);
  }
  return { ok: true, message: parsed as Record<string, unknown> };
}
