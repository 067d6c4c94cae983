import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The contract's error body: {statusCode, code, message, fieldErrors?}. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fieldErrors?: FieldError[];
}

/**
 * An error with a stable code, mapped to an HTTP status at the edge. Each feature names its codes in
 * its own `<feature>.exception.ts`.
 */
export class OpsException extends HttpException {
  constructor(
    readonly code: string,
    status: HttpStatus,
    message: string,
    readonly fieldErrors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message, status);
  }

  body(): ApiErrorBody {
    return {
      statusCode: this.getStatus(),
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
    };
  }
}
