import { Inject, Injectable } from '@nestjs/common';
import { AuditLogService } from '../audit/audit-log.service';
import { CLOCK, type Clock } from '../clock/clock';
import { OpsEnvironment } from '../config/ops.environment';
import { UserRepository } from '../users/user.repository';
import type { LoginDto, SessionView, UserView } from './auth.dto';
import { AuthErrorCode, AuthException } from './auth.exception';
import { LoginRateLimiter } from './login-rate-limiter';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import type { Principal } from './principal';
import { isRole } from './roles';
import { generateSecretToken, hashSecretToken } from './secret-token';
import { SessionRepository } from './session.repository';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export interface IssuedSession extends SessionView {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export function userView(principal: Pick<Principal, 'id' | 'username' | 'displayName' | 'roles'>): UserView {
  return {
    id: principal.id,
    username: principal.username,
    displayName: principal.displayName,
    roles: principal.roles,
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly limiter: LoginRateLimiter,
    private readonly auditLog: AuditLogService,
    private readonly env: OpsEnvironment,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async login(dto: LoginDto, client: ClientInfo): Promise<IssuedSession> {
    const username = dto.username.trim().toLowerCase();
    const attemptId = await this.limiter.begin(username, client.ip);
    const user = await this.users.findByUsername(username);
    // Unknown or disabled users cost a full scrypt too, so timing does not tell which usernames exist.
    const matched = await verifyPassword(dto.password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !user.active || !matched) {
      throw new AuthException(AuthErrorCode.invalidCredentials);
    }
    await this.limiter.succeeded(attemptId);
    const now = this.clock.now();
    const sessionToken = generateSecretToken();
    const csrfToken = generateSecretToken();
    const expiresAt = new Date(now.getTime() + this.env.OPS_SESSION_HOURS * 3_600_000);
    await this.sessions.create({
      idHash: hashSecretToken(sessionToken),
      csrfHash: hashSecretToken(csrfToken),
      userId: user.id,
      createdAt: now,
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    const view = userView({ ...user, roles: user.roles.filter(isRole) });
    await this.auditLog.appendAlone({
      actor: { kind: 'USER', id: user.id, name: user.username },
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      detail: { ip: client.ip, userAgent: client.userAgent, expiresAt: expiresAt.toISOString() },
    });
    return { user: view, sessionToken, csrfToken, expiresAt };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.kind !== 'USER') {
      return;
    }
    await this.sessions.delete(principal.sessionIdHash);
    await this.auditLog.appendAlone({
      actor: { kind: 'USER', id: principal.id, name: principal.username },
      action: 'auth.logout',
      targetType: 'user',
      targetId: principal.id,
    });
  }

  me(principal: Principal): SessionView {
    return { user: userView(principal) };
  }
}
