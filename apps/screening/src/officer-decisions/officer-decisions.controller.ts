import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { requestValidationPipe } from '../http/request-validation.pipe';
import { ServiceTokenGuard } from '../service-token/service-token.guard';
import { OfficerDecisionDto, type OfficerDecisionResult } from './officer-decision.dto';
import { RecordOfficerDecisionUseCase } from './record-officer-decision.usecase';

/** Internal API for the ops app: officers' releases and holds. */
@Controller('internal/consignments')
@UseGuards(ServiceTokenGuard)
export class OfficerDecisionsController {
  constructor(private readonly recordOfficerDecision: RecordOfficerDecisionUseCase) {}

  @Post(':id/officer-decisions')
  @HttpCode(HttpStatus.OK)
  record(
    @Param('id') id: string,
    @Body(requestValidationPipe()) body: OfficerDecisionDto,
  ): Promise<OfficerDecisionResult> {
    return this.recordOfficerDecision.execute(id, body);
  }
}
