import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import type { Role } from './roles';

export const REQUIRED_ROLE = 'ops:required-role';
export const IS_PUBLIC = 'ops:public';

/**
 * The lowest role a route needs. Every route declares @Roles or @Public: the global guard denies a
 * route that declares neither, so a forgotten decorator fails closed.
 */
export const Roles = (role: Role): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiCookieAuth('session'), ApiSecurity('bearer'));

/** Reachable without a session (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
