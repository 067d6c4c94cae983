import { Logger } from '@nestjs/common';
import { type LogEntry, type logCreator, logLevel } from 'kafkajs';

/**
 * kafkajs's own log lines through Nest's Logger, so that they come out as the service's other lines do
 * (one JSON object per line with LOG_FORMAT=json, with the service's name and level names) instead of
 * kafkajs's own JSON shape. Context `kafkajs` (plus the kafkajs namespace, such as `Connection`); the
 * message, then its details (broker, client id, group, error) as JSON. kafkajs's timestamp is left
 * out: the service's logger stamps the line.
 */
export const nestLogCreator: logCreator = () => {
  const loggers = new Map<string, Logger>();
  return ({ namespace, level, log }: LogEntry) => {
    const context = namespace ? `kafkajs:${namespace}` : 'kafkajs';
    let logger = loggers.get(context);
    if (!logger) {
      logger = new Logger(context);
      loggers.set(context, logger);
    }
    const { message, timestamp: _timestamp, logger: _source, ...details } = log;
    const text = Object.keys(details).length > 0 ? `${message} ${JSON.stringify(details)}` : message;
    switch (level) {
      case logLevel.ERROR:
      case logLevel.NOTHING:
        logger.error(text);
        break;
      case logLevel.WARN:
        logger.warn(text);
        break;
      case logLevel.INFO:
        logger.log(text);
        break;
      default:
        logger.debug(text);
    }
  };
};
