import { ApiError, networkErrorBody, toApiErrorBody } from './api-error';

describe('toApiErrorBody', () => {
  it('keeps a contract error with its field errors', () => {
    const body = toApiErrorBody(400, {
      statusCode: 400,
      code: 'holds.validation',
      message: 'Invalid request',
      fieldErrors: [
        { field: 'text', code: 'REQUIRED', message: 'text is required' },
        { field: 'reasonCode', message: 'unknown reason code' },
        { nonsense: true },
      ],
    });
    expect(body).toEqual({
      statusCode: 400,
      code: 'holds.validation',
      message: 'Invalid request',
      fieldErrors: [
        { field: 'text', code: 'REQUIRED', message: 'text is required' },
        { field: 'reasonCode', code: 'INVALID', message: 'unknown reason code' },
      ],
    });
  });

  it.each<[number, unknown, string, string]>([
    [409, null, 'HTTP_409', 'The hold changed in the meantime; this action is no longer possible.'],
    [429, '<html>slow down</html>', 'HTTP_429', 'Too many attempts. Wait a moment and try again.'],
    [502, {}, 'HTTP_502', 'The server failed; try again.'],
    [418, {}, 'HTTP_418', 'HTTP 418'],
    [400, { message: ['a is bad', 'b is bad'] }, 'HTTP_400', 'a is bad b is bad'],
    [403, { code: 'auth.csrf', message: 'CSRF token missing' }, 'auth.csrf', 'CSRF token missing'],
  ])('fills gaps for %p %p', (status, payload, code, message) => {
    expect(toApiErrorBody(status, payload)).toEqual({ statusCode: status, code, message });
  });
});

describe('ApiError', () => {
  it('exposes status and field errors', () => {
    const error = new ApiError(toApiErrorBody(401, {}));
    expect(error.status).toBe(401);
    expect(error.fieldErrors).toEqual([]);
    expect(error.message).toMatch(/Sign in again/);
    expect(new ApiError(networkErrorBody()).status).toBe(0);
  });
});
