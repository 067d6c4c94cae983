import { Logger, type LogLevel } from '@nestjs/common';
import { JsonLogger, logFormatOf } from './json-logger';

function capture(levels?: LogLevel[]): {
  logger: JsonLogger;
  out: () => Array<Record<string, unknown>>;
  err: () => Array<Record<string, unknown>>;
} {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const logger = new JsonLogger('screening', {
    levels,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    clock: () => new Date('2026-03-04T10:00:00Z'),
  });
  const parse = (lines: string[]): Array<Record<string, unknown>> =>
    lines.map((line) => {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
      return JSON.parse(line) as Record<string, unknown>;
    });
  return { logger, out: () => parse(stdout), err: () => parse(stderr) };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with level, time, service, context and message', () => {
    const { logger, out } = capture();
    logger.log('decision published', 'DecisionPublisher');
    expect(out()).toEqual([
      {
        level: 'log',
        time: '2026-03-04T10:00:00.000Z',
        service: 'screening',
        context: 'DecisionPublisher',
        message: 'decision published',
      },
    ]);
  });

  it('merges the fields of objects passed as the message or a parameter', () => {
    const { logger, out } = capture();
    logger.log({ message: 'held', consignmentId: 'C1', score: 140 }, 'Screening');
    logger.warn('redelivered', { eventId: 'e-7', offset: 12n }, 'Ingest');
    expect(out()).toEqual([
      expect.objectContaining({ context: 'Screening', message: 'held', consignmentId: 'C1', score: 140 }),
      expect.objectContaining({
        level: 'warn',
        context: 'Ingest',
        message: 'redelivered',
        eventId: 'e-7',
        offset: '12',
      }),
    ]);
  });

  it('keeps its own envelope when a caller passes fields of the same name', () => {
    const { logger, out } = capture();
    logger.log({ message: 'x', level: 'fatal', service: 'other', time: 'then' }, 'Ctx');
    expect(out()[0]).toMatchObject({ level: 'log', service: 'screening', time: '2026-03-04T10:00:00.000Z' });
  });

  it('sends errors to stderr with the stack Nest passes, and Error objects as fields', () => {
    const { logger, out, err } = capture();
    const failure = new Error('database down');
    logger.error('chunk failed', failure.stack, 'CanonicalEventsConsumer');
    logger.fatal(failure, { consignmentId: 'C2' });
    expect(out()).toEqual([]);
    const [first, second] = err();
    expect(first).toMatchObject({
      level: 'error',
      context: 'CanonicalEventsConsumer',
      message: 'chunk failed',
    });
    expect(first?.stack).toContain('database down');
    expect(second).toMatchObject({
      level: 'fatal',
      message: 'database down',
      error: 'database down',
      consignmentId: 'C2',
    });
  });

  it('still writes a line for an object it cannot serialise', () => {
    const { logger, out } = capture();
    const circular: Record<string, unknown> = { consignmentId: 'C3' };
    circular.self = circular;
    logger.log(circular, 'Ctx');
    expect(out()).toEqual([expect.objectContaining({ context: 'Ctx', logError: 'fields not serialisable' })]);
  });

  it('drops levels that are not enabled', () => {
    const { logger, out } = capture(['error', 'warn']);
    logger.log('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    expect(out().map((line) => line.message)).toEqual(['shown']);
  });

  it('serves a Nest Logger with a context, as services use it', () => {
    const { logger, out, err } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('SlaRefresher').log({ message: 'refreshed', moved: 3 });
      new Logger('SlaRefresher').error('refresh failed');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(out()).toEqual([
      expect.objectContaining({ context: 'SlaRefresher', message: 'refreshed', moved: 3 }),
    ]);
    expect(err()).toEqual([expect.objectContaining({ context: 'SlaRefresher', message: 'refresh failed' })]);
  });
});

describe('logFormatOf', () => {
  it.each([
    [{}, 'text'],
    [{ NODE_ENV: 'development' }, 'text'],
    [{ NODE_ENV: 'production' }, 'json'],
    [{ NODE_ENV: 'production', LOG_FORMAT: 'text' }, 'text'],
    [{ NODE_ENV: 'test', LOG_FORMAT: 'json' }, 'json'],
  ])('%j gives %s', (env, format) => {
    expect(logFormatOf(env)).toBe(format);
  });
});
