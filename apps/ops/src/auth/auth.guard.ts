import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_ROUTE } from '@chokepoint/service-runtime';
import { CLOCK, type Clock } from '../clock/clock';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './auth-cookies';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { AuthenticatedRequest, Principal } from './principal';
import { hasRole, isRole, type Role } from './roles';
import { IS_PUBLIC, REQUIRED_ROLE } from './roles.decorator';
import { constantTimeEquals, hashSecretToken } from './secret-token';
import { ServiceTokenRepository } from './service-token.repository';
import { SessionRepository } from './session.repository';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type OpsRequest = Omit<Request, 'cookies'> &
  AuthenticatedRequest & { cookies?: Record<string, string | undefined> };

/**
 * Global guard: a route must declare @Roles or @Public, or it is closed. Authenticates by service
 * token (Authorization: Bearer) or session cookie, checks the CSRF double-submit on unsafe methods of
 * a session, then the role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionRepository,
    private readonly serviceTokens: ServiceTokenRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    // The runtime's health and metrics controllers declare themselves public with their own key.
    const isPublic =
      this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true ||
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true;
    if (required === undefined) {
      if (isPublic) {
        return true;
      }
      throw new AuthException(AuthErrorCode.routeNotDeclared);
    }
    const request = context.switchToHttp().getRequest<OpsRequest>();
    const { principal, csrfHash } = await this.authenticate(request);
    request.principal = principal;
    if (csrfHash !== null && !SAFE_METHODS.has(request.method)) {
      this.checkCsrf(request, csrfHash);
    }
    if (!hasRole(principal.roles, required)) {
      throw new AuthException(AuthErrorCode.roleDenied, `this needs the ${required} role`);
    }
    return true;
  }

  /** The caller, and for a session the hash of its CSRF token (service tokens need no CSRF). */
  private async authenticate(
    request: OpsRequest,
  ): Promise<{ principal: Principal; csrfHash: string | null }> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/.exec(authorization.trim());
      const token = match?.[1] ? await this.serviceTokens.findActiveByHash(hashSecretToken(match[1])) : null;
      if (!token || !isRole(token.role)) {
        throw new AuthException(AuthErrorCode.invalidServiceToken);
      }
      return {
        principal: {
          kind: 'SERVICE',
          id: token.id,
          username: `service:${token.name}`,
          displayName: token.name,
          roles: [token.role],
        },
        csrfHash: null,
      };
    }
    const sessionToken = request.cookies?.[SESSION_COOKIE];
    if (!sessionToken) {
      throw new AuthException(AuthErrorCode.unauthenticated);
    }
    const session = await this.sessions.find(hashSecretToken(sessionToken));
    if (!session || !session.user.active) {
      throw new AuthException(AuthErrorCode.unauthenticated);
    }
    if (session.expiresAt.getTime() <= this.clock.now().getTime()) {
      await this.sessions.delete(session.idHash);
      throw new AuthException(AuthErrorCode.sessionExpired);
    }
    return {
      principal: {
        kind: 'USER',
        id: session.user.id,
        username: session.user.username,
        displayName: session.user.displayName,
        roles: session.user.roles.filter(isRole),
        sessionIdHash: session.idHash,
      },
      csrfHash: session.csrfHash,
    };
  }

  private checkCsrf(request: OpsRequest, csrfHash: string): void {
    const header = request.headers[CSRF_HEADER];
    const fromHeader = Array.isArray(header) ? header[0] : header;
    const fromCookie = request.cookies?.[CSRF_COOKIE];
    if (!fromHeader) {
      throw new AuthException(AuthErrorCode.csrfMissing);
    }
    // Double submit, bound to the session: the header must echo the cookie and be this session's token.
    if (
      !fromCookie ||
      !constantTimeEquals(fromHeader, fromCookie) ||
      !constantTimeEquals(hashSecretToken(fromHeader), csrfHash)
    ) {
      throw new AuthException(AuthErrorCode.csrfMismatch);
    }
  }
}
