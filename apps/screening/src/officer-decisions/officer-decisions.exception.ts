import { ConflictException, NotFoundException } from '@nestjs/common';

export enum OfficerDecisionErrorCode {
  ConsignmentNotFound = 'screening.officer_decision.consignment_not_found',
  ActionIdReused = 'screening.officer_decision.action_id_reused',
}

export class ConsignmentNotFoundException extends NotFoundException {
  constructor(consignmentId: string) {
    super({
      code: OfficerDecisionErrorCode.ConsignmentNotFound,
      message: `no consignment ${consignmentId} is known to screening`,
    });
  }
}

export class ActionIdReusedException extends ConflictException {
  constructor(actionId: string) {
    super({
      code: OfficerDecisionErrorCode.ActionIdReused,
      message: `action ${actionId} was already used for a different consignment, officer or action`,
    });
  }
}
