import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthException, AuthErrorCode } from './auth.exception';
import type { AuthenticatedRequest, Principal } from './principal';

/** The caller the global guard authenticated; routes with @Roles always have one. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) {
      throw new AuthException(AuthErrorCode.unauthenticated);
    }
    return principal;
  },
);
