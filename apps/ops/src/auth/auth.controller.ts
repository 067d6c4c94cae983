import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthCookies } from './auth-cookies';
import { LoginDto, SessionView } from './auth.dto';
import { AuthService, type ClientInfo } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { Public, Roles } from './roles.decorator';

function clientOf(request: Request): ClientInfo {
  return {
    ip: request.ip ?? request.socket.remoteAddress ?? 'unknown',
    userAgent: request.headers['user-agent'] ?? null,
  };
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: AuthCookies,
  ) {}

  /** Starts a session: sets cp_session (httpOnly) and cp_csrf (echo it in X-CSRF-Token). */
  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ description: 'auth.invalid_credentials' })
  @ApiTooManyRequestsResponse({ description: 'auth.rate_limited, with Retry-After' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    return this.cookies.issue(response, await this.auth.login(dto, clientOf(request)));
  }

  @Post('logout')
  @Roles('viewer')
  @HttpCode(HttpStatus.OK)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ ok: true }> {
    return this.auth.logout(principal).then(() => this.cookies.clear(response));
  }

  @Get('me')
  @Roles('viewer')
  @ApiOkResponse({ type: SessionView })
  me(@CurrentPrincipal() principal: Principal): SessionView {
    return this.auth.me(principal);
  }
}
