import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
  validateSync,
  type ValidationError,
} from 'class-validator';
import type { DecisionEvent, RejectionError } from '@chokepoint/contracts';

class DecisionReasonDto {
  @IsString() @IsNotEmpty() ruleId!: string;
  @IsIn(['HOLD', 'FLAG']) outcome!: string;
}

/** The fields of a pinned decision event that the hold queue relies on, checked at the edge. */
export class DecisionEventDto {
  @IsString() @IsNotEmpty() @MaxLength(64) decisionId!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) consignmentId!: string;
  @IsInt() @Min(1) sequence!: number;
  @IsIn(['HOLD', 'RELEASE']) decision!: string;
  @IsIn(['EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT']) stage!: string;
  @IsIn(['RULES', 'OFFICER']) source!: string;
  @IsISO8601({ strict: true }) decidedAt!: string;
  @IsNumber() score!: number;
  @IsArray() @IsString({ each: true }) categories!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => DecisionReasonDto) reasons!: DecisionReasonDto[];
}

function toRejections(errors: ValidationError[], parent = ''): RejectionError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    return [
      ...Object.entries(error.constraints ?? {}).map(([code, message]) => ({
        path,
        code: `decision.${code}`,
        message,
      })),
      ...toRejections(error.children ?? [], path),
    ];
  });
}

export type ParsedDecision = { ok: true; decision: DecisionEvent } | { ok: false; errors: RejectionError[] };

/** Decodes one record of chokepoint.decisions.v1; what cannot be read goes to the dead-letter topic. */
export function parseDecisionRecord(value: Buffer | null): ParsedDecision {
  let json: unknown;
  try {
    json = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    return {
      ok: false,
      errors: [{ path: '', code: 'decision.not_json', message: 'the record value is not JSON' }],
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      errors: [{ path: '', code: 'decision.not_object', message: 'the record value is not an object' }],
    };
  }
  const dto = plainToInstance(DecisionEventDto, json);
  const errors = validateSync(dto, { forbidUnknownValues: true });
  if (errors.length > 0) {
    return { ok: false, errors: toRejections(errors) };
  }
  return { ok: true, decision: json as DecisionEvent };
}
