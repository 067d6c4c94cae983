import { Expose, Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  compiledValidationOf,
  UnsupportedValidationMetadataError,
  unspecialisedChecks,
} from './compiled-validation';
import { validateWithClassValidator } from './source-validation';

// Small classes that reach what the DTOs use rarely or not at all; every case is checked against
// class-validator itself. The DTOs and canonical classes are covered by test/validation-equivalence.

class Leaf {
  @IsDefined()
  @IsString()
  @MaxLength(3, { message: '$property: "$value" longer than $constraint1' })
  code!: string;
  @IsOptional() @IsInt() @Min(1) count?: number;
}

/** A custom constraint that reuses a built-in name with other semantics: must not be "specialised". */
function IsStringStrict(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isString',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: { validate: (value: unknown) => typeof value === 'string' && value.startsWith('S') },
    });
}

class Root {
  @IsIn(['A', 'B']) kind!: string;
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(/^\S+$/)
  trimmed?: string;
  @IsOptional() @ValidateNested() @Type(() => Leaf) leaf?: Leaf;
  @IsOptional() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => Leaf) leaves?: Leaf[];
  @ValidateIf((o: Root) => o.kind === 'B') @IsDefined() @IsString({ each: true }) onlyForB?: string[];
  @IsOptional() @IsString() @MaxLength(2, { validateIf: (o: Root) => o.kind === 'A' }) shortForA?: string;
  @IsOptional() @IsStringStrict() strict?: string;
  @IsOptional() @ValidateNested() untyped?: object;
}

describe('compiledValidationOf', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a valid object', { kind: 'A', leaf: { code: 'X' }, leaves: [{ code: 'Y', count: 2 }] }],
    ['a missing enum', {}],
    ['a wrong enum', { kind: 'C' }],
    ['a transform before the check', { kind: 'A', trimmed: '  ok  ' }],
    ['a transform that does not save it', { kind: 'A', trimmed: ' o k ' }],
    ['a custom message with tokens', { kind: 'A', leaf: { code: 'TOO$&LONG' } }],
    ['an integer range', { kind: 'A', leaf: { code: 'X', count: 0.5 } }],
    ['a nested primitive', { kind: 'A', leaf: 'x' }],
    ['nested null', { kind: 'A', leaf: null }],
    ['an array for a nested object', { kind: 'A', leaf: [{ code: 'TOOLONG' }, 3] }],
    ['arrays in arrays', { kind: 'A', leaves: [[{ code: 'TOOLONG' }], null, 'x'] }],
    ['too many elements', { kind: 'A', leaves: [{ code: 'X' }, { code: 'Y' }, { code: 'Z' }] }],
    ['a condition off', { kind: 'A' }],
    ['a condition on', { kind: 'B' }],
    ['each element checked', { kind: 'B', onlyForB: ['a', 1] }],
    ['a per-constraint condition on', { kind: 'A', shortForA: 'abc' }],
    ['a per-constraint condition off', { kind: 'B', onlyForB: [], shortForA: 'abc' }],
    ['a custom constraint named like a built-in, passing', { kind: 'A', strict: 'Safe' }],
    ['a custom constraint named like a built-in, failing', { kind: 'A', strict: 'unsafe' }],
    ['a nested object without @Type', { kind: 'A', untyped: { anything: 1 } }],
    ['a nested primitive without @Type', { kind: 'A', untyped: 5 }],
  ])('%s: same as class-validator', (_name, plain) => {
    const reference = validateWithClassValidator(Root, plain, 'root');
    const compiled = compiledValidationOf(Root).validate(plain, 'root');
    expect(compiled.ok).toBe(reference.ok);
    expect(compiled.ok ? [] : compiled.errors).toStrictEqual(reference.ok ? [] : reference.errors);
    expect(compiledValidationOf(Root).check(plain, 'root')).toStrictEqual(
      reference.ok ? [] : reference.errors,
    );
  });

  it('gives the transformed values of declared properties in a plain object', () => {
    const result = compiledValidationOf(Root).validate({
      kind: 'A',
      trimmed: ' x ',
      extra: 1,
      leaf: { code: 'X' },
    });
    expect(result).toEqual({ ok: true, value: { kind: 'A', trimmed: 'x', leaf: { code: 'X' } } });
  });

  class Dates {
    @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) strictT?: string;
    @IsOptional() @IsISO8601({ strict: true }) strict?: string;
    @IsOptional() @IsISO8601() loose?: string;
  }

  it('checks date-times exactly as validator.js does, around every month end', () => {
    const values: string[] = [];
    // Years below 1000 are where validator.js's calendar check has its own quirks.
    for (const year of [
      '1900',
      '2000',
      '2023',
      '2024',
      '2100',
      '0000',
      '0004',
      '0050',
      '0400',
      '0999',
      '1000',
    ]) {
      for (let month = 0; month <= 13; month++) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          values.push(
            `${date}T10:00:00Z`,
            `${date}T23:59:59.5+14:00`,
            `${date} 10:00:00Z`,
            `${date}T10:00`,
            date,
          );
        }
      }
    }
    for (const value of values) {
      const plain = { strictT: value, strict: value, loose: value };
      const reference = validateWithClassValidator(Dates, plain);
      expect(compiledValidationOf(Dates).validate(plain)).toStrictEqual(
        reference.ok ? { ok: true, value: plain } : reference,
      );
    }
    expect(values.length).toBeGreaterThan(5000);
    expect(unspecialisedChecks(Dates)).toEqual([]);
  });

  class Measures {
    @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) finite?: number;
    @IsOptional() @IsNumber({ allowNaN: true }) orNaN?: number;
    @IsOptional() @IsNumber({ allowInfinity: true }) orInfinite?: number;
    @IsOptional() @IsNumber() plain?: number;
    @IsOptional() @Length(2, 3) code?: string;
  }

  it('checks numbers and lengths exactly as class-validator does', () => {
    const values: unknown[] = [
      ...[0, -0, 1.5, -7, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      ...[
        '',
        'a',
        'ab',
        'abc',
        'abcd',
        '\u{1F600}',
        'a\u{1F600}',
        'ab\u{1F600}',
        'a\uFE0F',
        'ab\uFE0Fc',
        '12',
      ],
      ...[null, true, [], {}, ['ab']],
    ];
    for (const value of values) {
      const plain = { finite: value, orNaN: value, orInfinite: value, plain: value, code: value };
      const reference = validateWithClassValidator(Measures, plain);
      expect(compiledValidationOf(Measures).validate(plain)).toStrictEqual(
        reference.ok ? { ok: true, value: plain } : reference,
      );
    }
    expect(unspecialisedChecks(Measures)).toEqual([]);
  });

  class Exposed {
    @Expose({ name: 'other' }) @IsString() name!: string;
  }
  class Initialised {
    @IsString() name = 'default';
  }
  class Asynchronous {
    @IsOptional() @IsString() name?: string;
  }

  it.each<[string, new () => object]>([
    ['@Expose', Exposed],
    ['an initial value', Initialised],
  ])('refuses to compile a class with %s rather than guess', (_name, target) => {
    expect(() => compiledValidationOf(target)).toThrow(UnsupportedValidationMetadataError);
  });

  it('ignores a constraint that answers with a promise, as validateSync does', () => {
    registerDecorator({
      name: 'slowCheck',
      target: Asynchronous,
      propertyName: 'name',
      validator: { validate: () => Promise.resolve(false) },
    });
    expect(validateWithClassValidator(Asynchronous, { name: 'x' }).ok).toBe(true);
    expect(compiledValidationOf(Asynchronous).validate({ name: 'x' })).toEqual({
      ok: true,
      value: { name: 'x' },
    });
  });
});
