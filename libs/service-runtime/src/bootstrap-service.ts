import type { INestApplication, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EnvironmentError, type CommonEnvironment, LOG_LEVELS } from '@chokepoint/config';
import { JsonLogger, logFormatOf } from './logging/json-logger';

function logLevels(level: string | undefined): LogLevel[] {
  const index = LOG_LEVELS.indexOf((level ?? 'log') as (typeof LOG_LEVELS)[number]);
  return LOG_LEVELS.slice(0, index < 0 ? 4 : index + 1);
}

/**
 * Starts a Chokepoint service: shutdown hooks for SIGTERM, HTTP for health (and the API where there
 * is one). A configuration error prints the bad variables and exits 78 (EX_CONFIG) without a stack trace.
 */
export async function bootstrapService<E extends CommonEnvironment & { HTTP_PORT: number }>(
  name: string,
  rootModule: Type<unknown>,
  environmentClass: new () => E,
  configure?: (app: INestApplication, environment: E) => void | Promise<void>,
): Promise<INestApplication> {
  // Read before the app exists, since Nest logs while it builds the app; CommonEnvironment validates it.
  const levels = logLevels(process.env.LOG_LEVEL);
  const json = logFormatOf(process.env) === 'json' ? new JsonLogger(name, { levels }) : undefined;
  try {
    const app = await NestFactory.create(rootModule, { logger: json ?? levels, abortOnError: false });
    app.enableShutdownHooks();
    const environment = app.get(environmentClass);
    await configure?.(app, environment);
    await app.listen(environment.HTTP_PORT, environment.HTTP_HOST);
    const listening = `${name} listening on http://${environment.HTTP_HOST}:${environment.HTTP_PORT}`;
    if (json) {
      json.log(listening, 'Bootstrap');
    } else {
      process.stderr.write(`${listening}\n`);
    }
    return app;
  } catch (error) {
    if (error instanceof EnvironmentError) {
      if (json) {
        json.fatal(error.message, 'Environment');
      } else {
        process.stderr.write(`${name}: ${error.message}\n`);
      }
      process.exit(78);
    }
    throw error;
  }
}
