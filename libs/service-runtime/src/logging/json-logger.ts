import type { LoggerService, LogLevel } from '@nestjs/common';

export type LogFormat = 'json' | 'text';

/** LOG_FORMAT if set, else JSON in production (for log shippers) and text elsewhere (for people). */
export function logFormatOf(env: { LOG_FORMAT?: string; NODE_ENV?: string }): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'text') {
    return env.LOG_FORMAT;
  }
  return env.NODE_ENV === 'production' ? 'json' : 'text';
}

export interface JsonLoggerOptions {
  levels?: LogLevel[];
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  clock?: () => Date;
}

type Fields = Record<string, unknown>;

// Fields the logger owns: a caller's object cannot overwrite them and hide where a line came from.
const RESERVED = new Set(['level', 'time', 'service', 'context']);
const STACK_LINE = /\n\s+at /;

function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);
}

function errorFields(error: Error): Fields {
  return { error: error.message, errorName: error.name, stack: error.stack };
}

function serialise(record: Fields): string {
  try {
    return JSON.stringify(record, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value instanceof Error ? errorFields(value) : value,
    );
  } catch {
    // A circular object must not take the service down with it: keep the envelope and the message.
    const { level, time, service, context, message } = record;
    return JSON.stringify({ level, time, service, context, message, logError: 'fields not serialisable' });
  }
}

/**
 * A Nest logger that writes one JSON object per line: level, time (ISO), service, context, message,
 * plus the fields of any object passed as the message or a parameter (consignmentId, eventId...), so
 * log shippers can index them. Errors and fatals go to stderr, the rest to stdout.
 */
export class JsonLogger implements LoggerService {
  private levels: ReadonlySet<LogLevel>;
  private readonly stdout: (line: string) => void;
  private readonly stderr: (line: string) => void;
  private readonly clock: () => Date;

  constructor(
    private readonly service: string,
    options: JsonLoggerOptions = {},
  ) {
    this.levels = new Set(options.levels ?? ['fatal', 'error', 'warn', 'log']);
    this.stdout = options.stdout ?? ((line): void => void process.stdout.write(line));
    this.stderr = options.stderr ?? ((line): void => void process.stderr.write(line));
    this.clock = options.clock ?? ((): Date => new Date());
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('log', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('verbose', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.levels = new Set(levels);
  }

  private write(level: LogLevel, message: unknown, optionalParams: unknown[]): void {
    if (!this.levels.has(level)) {
      return;
    }
    const params = [...optionalParams];
    // Nest's Logger appends its context as the last parameter, after an error's stack.
    const context =
      params.length > 0 && typeof params[params.length - 1] === 'string' ? params.pop() : undefined;
    const fields: Fields = {};
    const extra: string[] = [];
    const text = this.absorb(message, fields, extra);
    for (const param of params) {
      if (typeof param === 'string' && STACK_LINE.test(param)) {
        fields.stack = param;
      } else if (param !== undefined) {
        const more = this.absorb(param, fields, extra);
        if (more !== undefined) {
          extra.push(more);
        }
      }
    }
    const record: Fields = {
      level,
      time: this.clock().toISOString(),
      service: this.service,
      context,
      message: [text, ...extra].filter((part) => part !== undefined && part !== '').join(' '),
      ...fields,
    };
    const line = `${serialise(record)}\n`;
    (level === 'error' || level === 'fatal' ? this.stderr : this.stdout)(line);
  }

  /** Copies an object's fields into `fields`; returns the text the value contributes to the message. */
  private absorb(value: unknown, fields: Fields, extra: string[]): string | undefined {
    if (value instanceof Error) {
      Object.assign(fields, errorFields(value));
      return value.message;
    }
    if (isPlainObject(value)) {
      for (const [key, field] of Object.entries(value)) {
        if (key === 'message' && typeof field === 'string') {
          extra.unshift(field);
        } else if (!RESERVED.has(key)) {
          fields[key] = field;
        }
      }
      return undefined;
    }
    if (value === undefined) {
      return undefined;
    }
    return typeof value === 'string' ? value : serialise({ value }).slice('{"value":'.length, -1);
  }
}
