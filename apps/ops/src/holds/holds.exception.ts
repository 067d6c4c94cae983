import { HttpStatus } from '@nestjs/common';
import { type FieldError, OpsException } from '../http/ops.exception';

export const HoldsErrorCode = {
  notFound: 'hold.not_found',
  invalidState: 'hold.invalid_state',
  claimedByOther: 'hold.claimed_by_other',
  secondOfficerRequired: 'hold.second_officer_required',
  nothingToRelease: 'hold.nothing_to_release',
  outOfScope: 'hold.out_of_scope',
  unknownToScreening: 'hold.unknown_to_screening',
  invalidAssignee: 'hold.invalid_assignee',
  invalidCursor: 'hold.invalid_cursor',
} as const;
export type HoldsErrorCode = (typeof HoldsErrorCode)[keyof typeof HoldsErrorCode];

const STATUS: Record<HoldsErrorCode, HttpStatus> = {
  'hold.not_found': HttpStatus.NOT_FOUND,
  'hold.invalid_state': HttpStatus.CONFLICT,
  'hold.claimed_by_other': HttpStatus.CONFLICT,
  'hold.second_officer_required': HttpStatus.CONFLICT,
  'hold.nothing_to_release': HttpStatus.CONFLICT,
  'hold.out_of_scope': HttpStatus.CONFLICT,
  'hold.unknown_to_screening': HttpStatus.CONFLICT,
  'hold.invalid_assignee': HttpStatus.BAD_REQUEST,
  'hold.invalid_cursor': HttpStatus.BAD_REQUEST,
};

export class HoldsException extends OpsException {
  constructor(code: HoldsErrorCode, message: string, fieldErrors?: FieldError[]) {
    super(code, STATUS[code], message, fieldErrors);
  }
}
