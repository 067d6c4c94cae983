import { Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { OpsEnvironment } from '../config/ops.environment';
import type { SessionView } from './auth.dto';
import type { IssuedSession } from './auth.service';

export const SESSION_COOKIE = 'cp_session';
export const CSRF_COOKIE = 'cp_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Sets and clears the session cookie (httpOnly) and the CSRF cookie (readable by the console). */
@Injectable()
export class AuthCookies {
  constructor(private readonly env: OpsEnvironment) {}

  issue(response: Response, session: IssuedSession): SessionView {
    response.cookie(SESSION_COOKIE, session.sessionToken, {
      ...this.base(),
      httpOnly: true,
      expires: session.expiresAt,
    });
    response.cookie(CSRF_COOKIE, session.csrfToken, {
      ...this.base(),
      httpOnly: false,
      expires: session.expiresAt,
    });
    return { user: session.user };
  }

  clear(response: Response): { ok: true } {
    response.clearCookie(SESSION_COOKIE, { ...this.base(), httpOnly: true });
    response.clearCookie(CSRF_COOKIE, { ...this.base(), httpOnly: false });
    return { ok: true };
  }

  private base(): CookieOptions {
    return { sameSite: 'strict', secure: this.env.NODE_ENV === 'production', path: '/' };
  }
}
