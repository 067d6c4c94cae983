import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AuditVerificationView } from './audit.dto';
import { AuditLogService, type AuditVerification } from './audit-log.service';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLogService) {}

  /** Recomputes the hash chain and names the first entry that does not hold. */
  @Get('verify')
  @Roles('supervisor')
  @ApiOkResponse({ type: AuditVerificationView })
  verify(): Promise<AuditVerification> {
    return this.auditLog.verify();
  }
}
