import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { ScreeningEnvironment, serviceToken } from '../config/screening.environment';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Internal and admin endpoints answer only callers presenting the service token as a bearer token.
 * Digests are compared in constant time, so neither the token's content nor its length leaks.
 */
@Injectable()
export class ServiceTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(env: ScreeningEnvironment) {
    this.expected = digest(serviceToken(env));
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), this.expected)) {
      throw new UnauthorizedException({
        code: 'screening.unauthorized',
        message: 'a valid service token is required',
      });
    }
    return true;
  }
}
