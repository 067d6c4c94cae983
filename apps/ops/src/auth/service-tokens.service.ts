import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AuditLogService } from '../audit/audit-log.service';
import { CLOCK, type Clock } from '../clock/clock';
import { OpsException } from '../http/ops.exception';
import type { Principal } from './principal';
import { generateSecretToken, hashSecretToken } from './secret-token';
import { type ServiceTokenRecord, ServiceTokenRepository } from './service-token.repository';
import type { CreateServiceTokenDto, IssuedServiceTokenView, ServiceTokenView } from './service-tokens.dto';

function view(record: ServiceTokenRecord): ServiceTokenView {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    createdAt: record.createdAt.toISOString(),
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ServiceTokensService {
  constructor(
    private readonly tokens: ServiceTokenRepository,
    private readonly auditLog: AuditLogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(dto: CreateServiceTokenDto, actor: Principal): Promise<IssuedServiceTokenView> {
    const token = generateSecretToken();
    const record = await this.tokens.insert({
      id: randomUUID(),
      name: dto.name,
      role: dto.role,
      tokenHash: hashSecretToken(token),
      createdBy: actor.kind === 'USER' ? actor.id : null,
      createdAt: this.clock.now(),
    });
    await this.auditLog.appendAlone({
      actor: { kind: actor.kind, id: actor.id, name: actor.username },
      action: 'service_token.created',
      targetType: 'service_token',
      targetId: record.id,
      after: view(record),
    });
    return { ...view(record), token };
  }

  async list(): Promise<ServiceTokenView[]> {
    return (await this.tokens.list()).map(view);
  }

  async revoke(id: string, actor: Principal): Promise<ServiceTokenView> {
    const change = await this.tokens.revoke(id, this.clock.now());
    if (!change) {
      throw new OpsException('service_token.not_found', HttpStatus.NOT_FOUND, `no service token ${id}`);
    }
    await this.auditLog.appendAlone({
      actor: { kind: actor.kind, id: actor.id, name: actor.username },
      action: 'service_token.revoked',
      targetType: 'service_token',
      targetId: id,
      before: view(change.before),
      after: view(change.after),
    });
    return view(change.after);
  }
}
