import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ServiceTokenGuard } from '../service-token/service-token.guard';
import { type ReloadReport, RuleSetService } from './rule-set.service';

/** Reloads the rule pack and sanctions lists without a restart. */
@Controller('admin')
@UseGuards(ServiceTokenGuard)
export class RuleSetController {
  constructor(private readonly ruleSet: RuleSetService) {}

  @Post('reload')
  @HttpCode(HttpStatus.OK)
  reload(): Promise<ReloadReport> {
    return this.ruleSet.reload('POST /admin/reload');
  }
}
