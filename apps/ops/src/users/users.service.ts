import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { AuditLogService } from '../audit/audit-log.service';
import { hashPassword } from '../auth/password-hasher';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/roles';
import { CLOCK, type Clock } from '../clock/clock';
import { OpsException } from '../http/ops.exception';
import { isUniqueViolation, type UserRecord, UserRepository } from './user.repository';
import type { AssignableUserView, CreateUserDto, UserSummaryView } from './users.dto';

export const UsersErrorCode = { usernameTaken: 'users.username_taken' } as const;

function summary(user: UserRecord): UserSummaryView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly auditLog: AuditLogService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<UserSummaryView[]> {
    return (await this.users.list()).map(summary);
  }

  /** Active officers and above: whom a supervisor can assign a hold to. */
  async assignable(): Promise<AssignableUserView[]> {
    return (await this.users.list())
      .filter((user) => user.active && hasRole(user.roles, 'officer'))
      .map((user) => ({ id: user.id, displayName: user.displayName, roles: user.roles }));
  }

  async create(dto: CreateUserDto, actor: Principal): Promise<UserSummaryView> {
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await this.users.insert(manager, {
          id: randomUUID(),
          username: dto.username,
          displayName: dto.displayName,
          passwordHash,
          roles: dto.roles,
          createdAt: this.clock.now(),
        });
        const view = summary(user);
        await this.auditLog.append(manager, {
          actor: { kind: actor.kind, id: actor.id, name: actor.username },
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          after: view,
        });
        return view;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new OpsException(
          UsersErrorCode.usernameTaken,
          HttpStatus.CONFLICT,
          `username ${dto.username} is taken`,
        );
      }
      throw error;
    }
  }
}
