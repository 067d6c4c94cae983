import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { DecisionEvent } from '@chokepoint/contracts';
import type { OfficerActionStatus } from '@chokepoint/engine';

export class OfficerDecisionDto {
  /** The ops app's audit id of the action; a retry with the same id returns the first answer. */
  @IsUUID()
  actionId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  officerId!: string;

  @IsIn(['RELEASE', 'HOLD'])
  action!: 'RELEASE' | 'HOLD';

  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, {
    message: 'reasonCode must be an upper-case code such as FALSE_POSITIVE',
  })
  reasonCode!: string;

  /** The officer's justification (the ops console allows up to 4,000 characters). */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  text?: string;
}

export interface OfficerDecisionResult {
  consignmentId: string;
  actionId: string;
  status: OfficerActionStatus;
  /** The decision published as a result, if any (RELEASED, HELD). */
  decision: DecisionEvent | null;
}
