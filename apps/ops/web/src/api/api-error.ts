import type { ApiErrorBody, FieldError } from './ops-api.types';

/** An HTTP error from the ops API, normalised to the contract's error shape. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.body.statusCode;
  }

  get fieldErrors(): FieldError[] {
    return this.body.fieldErrors ?? [];
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has ended. Sign in again.',
  403: 'You do not have permission to do that.',
  404: 'Not found.',
  409: 'The hold changed in the meantime; this action is no longer possible.',
  429: 'Too many attempts. Wait a moment and try again.',
};

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return typeof candidate.field === 'string' && typeof candidate.message === 'string';
}

/** Reads whatever the server sent (contract JSON, a proxy's HTML page, nothing) into the error shape. */
export function toApiErrorBody(status: number, payload: unknown): ApiErrorBody {
  const body = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const message =
    typeof body.message === 'string' && body.message !== ''
      ? body.message
      : Array.isArray(body.message) && body.message.every((item) => typeof item === 'string')
        ? body.message.join(' ')
        : (FALLBACK_MESSAGES[status] ?? (status >= 500 ? 'The server failed; try again.' : `HTTP ${status}`));
  const fieldErrors = Array.isArray(body.fieldErrors)
    ? body.fieldErrors.filter(isFieldError).map((error) => ({
        field: error.field,
        code: typeof error.code === 'string' ? error.code : 'INVALID',
        message: error.message,
      }))
    : undefined;
  return {
    statusCode: status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${status}`,
    message,
    ...(fieldErrors && fieldErrors.length > 0 ? { fieldErrors } : {}),
  };
}

/** A network failure (server down, connection reset) in the same shape, so the UI has one error path. */
export function networkErrorBody(): ApiErrorBody {
  return {
    statusCode: 0,
    code: 'NETWORK',
    message: 'The ops service cannot be reached. Check your connection.',
  };
}
