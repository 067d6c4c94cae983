import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { type ApiErrorBody, OpsException } from './ops.exception';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'http.not_found',
  405: 'http.method_not_allowed',
  409: 'state.conflict',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  429: 'http.too_many_requests',
};

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') {
    return response;
  }
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') {
    return message;
  }
  if (Array.isArray(message)) {
    return message.map(String).join('; ');
  }
  return exception.message;
}

/** Every error leaves in the contract's shape; unexpected ones are logged and never leak internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // A stream (server-sent events) already started: all that is left is to end it.
      response.end();
      return;
    }
    const body = this.toBody(exception);
    if (exception instanceof OpsException) {
      for (const [name, value] of Object.entries(exception.headers)) {
        response.setHeader(name, value);
      }
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof OpsException) {
      return exception.body();
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      // body-parser's errors (malformed JSON, too large) arrive as HttpExceptions with a 4xx status.
      return { statusCode, code: CODES_BY_STATUS[statusCode] ?? 'http.error', message: messageOf(exception) };
    }
    const status = (exception as { status?: unknown; statusCode?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        code: CODES_BY_STATUS[status] ?? 'http.error',
        message: (exception as Error).message,
      };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal',
      message: 'internal error',
    };
  }
}
