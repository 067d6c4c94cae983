import { HttpStatus } from '@nestjs/common';
import { OpsException } from '../http/ops.exception';

export const AuthErrorCode = {
  unauthenticated: 'auth.unauthenticated',
  sessionExpired: 'auth.session_expired',
  invalidCredentials: 'auth.invalid_credentials',
  invalidServiceToken: 'auth.invalid_service_token',
  rateLimited: 'auth.rate_limited',
  csrfMissing: 'auth.csrf_missing',
  csrfMismatch: 'auth.csrf_mismatch',
  roleDenied: 'auth.role_denied',
  routeNotDeclared: 'auth.route_not_declared',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

const STATUS: Record<AuthErrorCode, HttpStatus> = {
  'auth.unauthenticated': HttpStatus.UNAUTHORIZED,
  'auth.session_expired': HttpStatus.UNAUTHORIZED,
  'auth.invalid_credentials': HttpStatus.UNAUTHORIZED,
  'auth.invalid_service_token': HttpStatus.UNAUTHORIZED,
  'auth.rate_limited': HttpStatus.TOO_MANY_REQUESTS,
  'auth.csrf_missing': HttpStatus.FORBIDDEN,
  'auth.csrf_mismatch': HttpStatus.FORBIDDEN,
  'auth.role_denied': HttpStatus.FORBIDDEN,
  'auth.route_not_declared': HttpStatus.FORBIDDEN,
};

const MESSAGES: Record<AuthErrorCode, string> = {
  'auth.unauthenticated': 'sign in first',
  'auth.session_expired': 'the session has expired; sign in again',
  'auth.invalid_credentials': 'unknown username or wrong password',
  'auth.invalid_service_token': 'the service token is unknown or revoked',
  'auth.rate_limited': 'too many failed sign-ins; try again later',
  'auth.csrf_missing': 'the X-CSRF-Token header is required',
  'auth.csrf_mismatch': 'the X-CSRF-Token header does not match this session',
  'auth.role_denied': 'your role does not allow this',
  'auth.route_not_declared': 'this route declares no access rule and is closed',
};

export class AuthException extends OpsException {
  constructor(code: AuthErrorCode, message?: string, headers: Record<string, string> = {}) {
    super(code, STATUS[code], message ?? MESSAGES[code], undefined, headers);
  }
}
