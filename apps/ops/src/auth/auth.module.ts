import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AuthCookies } from './auth-cookies';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthHousekeeping } from './auth-housekeeping';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { ServiceTokenRepository } from './service-token.repository';
import { ServiceTokensController } from './service-tokens.controller';
import { ServiceTokensService } from './service-tokens.service';
import { SessionRepository } from './session.repository';

@Module({
  imports: [AuditModule, UsersModule],
  controllers: [AuthController, ServiceTokensController],
  providers: [
    AuthService,
    AuthCookies,
    LoginRateLimiter,
    SessionRepository,
    ServiceTokenRepository,
    ServiceTokensService,
    AuthHousekeeping,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionRepository],
})
export class AuthModule {}
