import { Logger } from '@nestjs/common';
import { type LogEntry, type logCreator, logLevel } from 'kafkajs';

/**
 * kafkajs warnings about choices this project makes on purpose, logged at debug instead: a WARN at every
 * start that asks nothing of the operator teaches them to skip WARN lines.
 * - Bounded retries on the idempotent producer (libs/kafka's client: 8 retries, up to 10 s apart): a send
 *   that still fails is the caller's failure, never a silent loss. Ingest retries the chunk (a duplicate
 *   that may cause is absorbed by screening's processed-event ids), and the outbox relay reads the end of
 *   the topic before sending again. Retrying forever would instead stall a partition behind a dead broker
 *   without a word.
 */
const DELIBERATE = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

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
        if (DELIBERATE.has(message)) {
          logger.debug(text);
        } else {
          logger.warn(text);
        }
        break;
      case logLevel.INFO:
        logger.log(text);
        break;
      default:
        logger.debug(text);
    }
  };
};
