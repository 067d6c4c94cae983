import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { RULE_IDS } from '@chokepoint/contracts';
import { RISK_CATEGORIES } from '@chokepoint/engine';
import { NoControlCharacters } from '../http/text.validators';
import { SLA_STATES, type SlaState } from '../sla/sla-clock';
import { DEADLINE_BASES } from '../sla/sla-deadline';
import { HOLD_STATUSES, type HoldStatus } from './hold';

export const STAGES = ['EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT'] as const;
export const HOLD_SORTS = ['heldAt', '-heldAt', 'deadline', '-deadline', '-score'] as const;
export type HoldSort = (typeof HOLD_SORTS)[number];
export const RELEASE_REASON_CODES = [
  'LICENCE_VERIFIED',
  'FALSE_POSITIVE_MATCH',
  'INSPECTION_CLEAR',
  'DOCUMENTS_CORRECTED',
  'OTHER',
] as const;
export type ReleaseReasonCode = (typeof RELEASE_REASON_CODES)[number];

const UN_LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

/** `status=OPEN,CLAIMED` or `status=OPEN&status=CLAIMED`. */
function commaList({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }
  if (Array.isArray(value)) {
    return (value as unknown[]).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]));
  }
  return value;
}

export class ListHoldsQuery {
  @ApiPropertyOptional({ enum: HOLD_STATUSES, isArray: true, description: 'one or more, comma-separated' })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(HOLD_STATUSES.length)
  @IsIn(HOLD_STATUSES, { each: true })
  status?: HoldStatus[];

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: string;

  @ApiPropertyOptional({ enum: RULE_IDS })
  @IsOptional()
  @IsIn(RULE_IDS)
  ruleId?: string;

  @ApiPropertyOptional({ description: 'UN/LOCODE of the port of loading, discharge or place of delivery' })
  @IsOptional()
  @Matches(UN_LOCODE, { message: 'port must be a UN/LOCODE such as VNSGN' })
  port?: string;

  @ApiPropertyOptional({ enum: RISK_CATEGORIES })
  @IsOptional()
  @IsIn(RISK_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ description: "a user id, 'me' or 'none'" })
  @IsOptional()
  @ValidateIf((query: ListHoldsQuery) => query.assignee !== 'me' && query.assignee !== 'none')
  @IsUUID('all', { message: "assignee must be a user id, 'me' or 'none'" })
  assignee?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(24 * 366)
  minAgeHours?: number;

  @ApiPropertyOptional({ enum: SLA_STATES })
  @IsOptional()
  @IsIn(SLA_STATES)
  sla?: SlaState;

  @ApiPropertyOptional({ enum: HOLD_SORTS, default: 'deadline' })
  @IsOptional()
  @IsIn(HOLD_SORTS)
  sort?: HoldSort;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not one this API issued' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AssignHoldDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  userId!: string;
}

export class HoldTextDto {
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  @NoControlCharacters({ allowLineBreaks: true })
  text!: string;
}

export class ReleaseHoldDto {
  @ApiProperty({ enum: RELEASE_REASON_CODES })
  @IsIn(RELEASE_REASON_CODES)
  reasonCode!: ReleaseReasonCode;

  @ApiPropertyOptional({
    maxLength: 4000,
    description: 'justification; required (non-blank) when reasonCode is OTHER',
  })
  @ValidateIf((dto: ReleaseHoldDto) => dto.text !== undefined || dto.reasonCode === 'OTHER')
  @IsString()
  @MaxLength(4000)
  @NoControlCharacters({ allowLineBreaks: true })
  @ValidateBy({
    name: 'requiredForOther',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as ReleaseHoldDto | undefined)?.reasonCode !== 'OTHER' ||
        (typeof value === 'string' && value.trim().length > 0),
      defaultMessage: () => 'text is required when reasonCode is OTHER',
    },
  })
  text?: string;
}

export class AssigneeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class HoldSummaryView {
  @ApiProperty() consignmentId!: string;
  @ApiProperty({ enum: HOLD_STATUSES }) status!: string;
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [String] }) ruleIds!: string[];
  @ApiProperty() score!: number;
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiProperty({ enum: DEADLINE_BASES }) deadlineBasis!: string;
  @ApiProperty({ enum: SLA_STATES }) slaState!: string;
  @ApiProperty({ type: AssigneeView, nullable: true }) assignee!: AssigneeView | null;
  @ApiProperty({ type: String, nullable: true }) portOfLoading!: string | null;
  @ApiProperty({ type: String, nullable: true }) portOfDischarge!: string | null;
  @ApiProperty({ type: String, nullable: true }) placeOfDelivery!: string | null;
  @ApiProperty() decisionSequence!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class HoldCountsView {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byStatus!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) bySla!: Record<string, number>;
}

export class HoldPageView {
  @ApiProperty({ type: [HoldSummaryView] }) items!: HoldSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: HoldCountsView }) counts!: HoldCountsView;
}
