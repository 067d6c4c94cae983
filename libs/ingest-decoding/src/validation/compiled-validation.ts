import type { RejectionError } from '@chokepoint/contracts';
import { type ClassConstructor, type ClassTransformOptions, TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import {
  getMetadataStorage,
  type MetadataStorage,
  type ValidationArguments,
  ValidationTypes,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { type FailedConstraint, pushConstraintErrors } from './constraint-errors';
import type { SourceValidationResult } from './source-validation';

interface TransformerStorageModule {
  defaultMetadataStorage: TransformerMetadataStorage;
}
// class-transformer keeps @Type and @Transform in a storage its index does not export; the path is
// stable in 0.5.x, and compilation refuses what it does not understand rather than guess.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const storageModule = require('class-transformer/cjs/storage') as TransformerStorageModule;
const transformerStorage = storageModule.defaultMetadataStorage;

/** A class as the metadata stores know it (they key everything by constructor). */
type ClassTarget = abstract new (...args: never[]) => unknown;
type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Plain = Record<string, unknown>;
type Condition = (object: unknown, value: unknown) => boolean;
type TransformFn = (params: {
  value: unknown;
  key: string;
  obj: unknown;
  type: TransformationType;
  options: ClassTransformOptions;
}) => unknown;

// Read once: the module's export is a getter, and transformObject runs per property.
const PLAIN_TO_CLASS = TransformationType.PLAIN_TO_CLASS;

/** What plainToInstance passes to @Transform functions (class-transformer's default options). */
const TRANSFORM_OPTIONS: ClassTransformOptions = Object.freeze({
  enableCircularCheck: false,
  enableImplicitConversion: false,
  excludeExtraneousValues: false,
  excludePrefixes: undefined,
  exposeDefaultValues: false,
  exposeUnsetFields: true,
  groups: undefined,
  ignoreDecorators: false,
  strategy: undefined,
  targetMaps: undefined,
  version: undefined,
});

/** One constraint (IsString, MaxLength(20), …) of one property, with class-validator's instance cached. */
interface ConstraintCheck {
  /** The key class-validator files the failure under: the constraint's name, e.g. `maxLength`. */
  name: string;
  metadata: ValidationMetadata;
  instance: ValidatorConstraintInterface;
  /** Reused for every call: class-validator's built-in constraints only read `constraints`. */
  args: ValidationArguments;
  /** The constraint's own validateIf option: checked only when it returns true. */
  when: Condition | undefined;
  passes: (value: unknown, object: object) => boolean;
  /** Whether a closure of this module stands in for class-validator's own code (see specialised). */
  specialised: boolean;
  /** The check of one value; where specialised, it needs no `args`. */
  one: (value: unknown) => boolean;
  /** class-validator's `each`: an array's elements are checked, not the array. */
  each: boolean;
}

interface CompiledProperty {
  key: string;
  /** `parent.key`, or `parent[key]` for a numeric key, as joinPath writes it. */
  pathOf: (parent: string) => string;
  /** @Type target, compiled on first use (classes may refer to each other). */
  nestedClass: (() => CompiledClass) | undefined;
  transforms: TransformFn[];
  /** Only when the property carries validation metadata. */
  validation:
    | {
        optional: boolean;
        conditions: Condition[];
        checks: ConstraintCheck[];
        nested: ValidationMetadata | undefined;
      }
    | undefined;
}

interface CompiledClass {
  name: string;
  properties: CompiledProperty[];
  validated: CompiledProperty[];
  /**
   * Every property, undefined: transformed objects start as an object literal of its keys, so all
   * objects of a class share one hidden class and the decoders' property reads stay monomorphic.
   */
  blank: Plain;
  /** validateObject's verdict alone, generated on first use (see verdictOf). */
  verdict: Verdict | undefined;
  /** transformObject's work for the class, generated on first use (see generateTransform). */
  transform: ((plain: Plain) => Plain) | undefined;
}

/** Whether validateObject would find nothing wrong with an object of the class. */
type Verdict = (object: Plain) => boolean;

export class UnsupportedValidationMetadataError extends Error {
  readonly code = 'validation.unsupported_metadata';

  constructor(className: string, detail: string) {
    super(`compiled validation of ${className}: ${detail}; use the class-validator path for this class`);
  }
}

/** Decorators without arguments (IsString) have no constraints array at all. */
const firstConstraint = (metadata: ValidationMetadata): unknown =>
  (metadata.constraints as unknown[] | undefined)?.[0];

// The date-time shape DCSA senders use. Every string it matches is in validator.js's ISO 8601 language
// (strict separator or not), so only the calendar check remains; anything else goes to validator.js.
const COMMON_DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Whether year-month-day exists in the proleptic Gregorian calendar, as `new Date('YYYY-MM-DD')` decides. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

const SPECIALISED: Record<
  string,
  (
    metadata: ValidationMetadata,
    real: (value: unknown) => boolean,
  ) => ((value: unknown) => boolean) | undefined
> = {
  isIso8601: (metadata, real) => {
    const options = firstConstraint(metadata);
    if (
      options !== undefined &&
      (typeof options !== 'object' ||
        options === null ||
        Object.keys(options).some((key) => key !== 'strict' && key !== 'strictSeparator'))
    ) {
      return undefined;
    }
    const strict = (options as { strict?: unknown } | undefined)?.strict === true;
    return (value) => {
      const match = typeof value === 'string' ? COMMON_DATE_TIME.exec(value) : null;
      if (match === null) {
        return real(value);
      }
      if (!strict) {
        return true;
      }
      const year = Number(match[1]);
      // validator.js checks the calendar with new Date(`${year}-MM-DD`): a year below 1000 loses its
      // leading zeros there, and the engine's legacy parser decides. Only years of four digits are ours.
      return year < 1000 ? real(value) : isCalendarDate(year, Number(match[2]), Number(match[3]));
    };
  },
  isDefined: () => (value) => value !== undefined && value !== null,
  isString: () => (value) => typeof value === 'string' || value instanceof String,
  isBoolean: () => (value) => typeof value === 'boolean' || value instanceof Boolean,
  isArray: () => (value) => Array.isArray(value),
  isIn: (metadata) => {
    const allowed: unknown = firstConstraint(metadata);
    if (!Array.isArray(allowed)) {
      return undefined;
    }
    return (value) => {
      for (const candidate of allowed) {
        if (candidate === value) {
          return true;
        }
      }
      return false;
    };
  },
  isNotEmpty: () => (value) => value !== '' && value !== null && value !== undefined,
  isInt: () => (value) => typeof value === 'number' && Number.isInteger(value),
  isNumber: (metadata) => {
    const options = firstConstraint(metadata) ?? {};
    if (
      typeof options !== 'object' ||
      options === null ||
      Object.keys(options).some((key) => key !== 'allowNaN' && key !== 'allowInfinity')
    ) {
      return undefined;
    }
    const { allowNaN, allowInfinity } = options as { allowNaN?: unknown; allowInfinity?: unknown };
    return (value) =>
      typeof value === 'number' &&
      (Number.isFinite(value) || (Number.isNaN(value) ? Boolean(allowNaN) : Boolean(allowInfinity)));
  },
  min: (metadata) => {
    const bound: unknown = firstConstraint(metadata);
    return typeof bound === 'number' ? (value) => typeof value === 'number' && value >= bound : undefined;
  },
  arrayMinSize: (metadata) => {
    const bound: unknown = firstConstraint(metadata);
    return typeof bound === 'number' ? (value) => Array.isArray(value) && value.length >= bound : undefined;
  },
  arrayMaxSize: (metadata) => {
    const bound: unknown = firstConstraint(metadata);
    return typeof bound === 'number' ? (value) => Array.isArray(value) && value.length <= bound : undefined;
  },
  matches: (metadata) => {
    const pattern: unknown = firstConstraint(metadata);
    if (!(pattern instanceof RegExp) || pattern.global || pattern.sticky) {
      return undefined;
    }
    return (value) => typeof value === 'string' && pattern.test(value);
  },
};

/** UTF-16 units validator.js's isLength does not count one for one. */
const UNCOUNTED_UNITS = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;

/** Values that tell a specialised check from the real one should a custom constraint reuse a built-in name. */
const PROBES: readonly unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'a',
  'ABC',
  'EXPORT',
  '2026-03-04T10:00:00Z',
  'x'.repeat(300),
  0,
  -1,
  1.5,
  true,
  false,
  [],
  ['a'],
  {},
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Date-times on the calendar's edges and just off the common shape. */
const DATE_PROBES: readonly string[] = [
  '2026-03-04T10:00:00Z',
  '2026-03-04T10:00:00.123+07:00',
  '2026-02-29T10:00:00Z',
  '2024-02-29T23:59:59-03:30',
  '1900-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '0000-02-29T00:00:00Z',
  '0050-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-12-31T23:59:59Z',
  '2026-13-01T00:00:00Z',
  '2026-03-04T24:00:00Z',
  '2026-03-04T10:00:00',
  '2026-03-04t10:00:00z',
  '2026-03-04 10:00:00Z',
  '2026-03-04T10:00Z',
  '2026-03-04',
  '2026-065T10:00:00Z',
  '+2026-03-04T10:00:00Z',
];

/** Values on either side of a numeric constraint (Min(0), ArrayMaxSize(3)): numbers and arrays. */
function boundaryProbes(constraint: unknown): unknown[] {
  if (typeof constraint !== 'number' || !Number.isFinite(constraint)) {
    return [];
  }
  const numbers = [constraint - 1, constraint - 0.5, constraint, constraint + 0.5, constraint + 1];
  const sizes = [constraint - 1, constraint, constraint + 1].filter((n) => n >= 0 && n <= 10_000);
  return [...numbers, ...sizes.map((n) => new Array<number>(n).fill(0))];
}

function constraintChecks(className: string, metadata: ValidationMetadata): ConstraintCheck[] {
  const constraints = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
  return constraints
    .filter((constraint) => !constraint.async) // validateSync skips asynchronous constraints
    .map((constraint) => {
      // ConstraintMetadata.instance searches class-validator's container on every access: once is enough.
      const instance = constraint.instance;
      const args: ValidationArguments = {
        targetName: className,
        property: metadata.propertyName,
        object: {},
        value: undefined,
        constraints: metadata.constraints,
      };
      const real = (value: unknown): boolean => {
        const valid: unknown = instance.validate(value, args);
        // validateSync does not wait for a promise: its verdict never reaches the result.
        return valid instanceof Promise || Boolean(valid);
      };
      const name = constraint.name || metadata.type;
      const fast = specialised(name, metadata, real);
      const one = fast ?? real;
      const passes = metadata.each
        ? (value: unknown, object: object): boolean => {
            args.value = value;
            args.object = object;
            return Array.isArray(value) ? value.every((item) => one(item)) : one(value);
          }
        : (value: unknown, object: object): boolean => {
            args.value = value;
            args.object = object;
            return one(value);
          };
      return {
        name,
        metadata,
        instance,
        args,
        when: metadata.validateIf,
        passes,
        specialised: fast !== undefined,
        one,
        each: metadata.each === true,
      };
    });
}

/**
 * A closure for a built-in constraint that skips validator.js's generic work, used only when it agrees
 * with the real constraint on every probe (a custom constraint could reuse a built-in name).
 */
function specialised(
  name: string,
  metadata: ValidationMetadata,
  real: (value: unknown) => boolean,
): ((value: unknown) => boolean) | undefined {
  if (name === 'maxLength') {
    const max: unknown = firstConstraint(metadata);
    if (typeof max !== 'number' || !(max >= 0) || !Number.isInteger(max) || max > 100_000) {
      return undefined;
    }
    // validator.js counts a surrogate pair or a presentation sequence as one character, so a string no
    // longer than max in UTF-16 units always passes; only longer ones need its regex-based count.
    const fast = (value: unknown): boolean =>
      (typeof value === 'string' && value.length <= max) || real(value);
    const probes = ['', 'x'.repeat(max), 'x'.repeat(max + 1), '\u{1F600}'.repeat(max), ...PROBES];
    return probes.every((probe) => fast(probe) === real(probe)) ? fast : undefined;
  }
  if (name === 'isLength') {
    const [min, max] = (metadata.constraints as unknown[] | undefined) ?? [];
    if (typeof min !== 'number' || typeof max !== 'number' || !(min >= 0) || !(max <= 100_000)) {
      return undefined;
    }
    // As with maxLength: validator.js's count differs from UTF-16 units only for surrogates and
    // variation selectors, so a string without them is counted here.
    const fast = (value: unknown): boolean =>
      typeof value === 'string' &&
      (value.length >= min && value.length <= max && !UNCOUNTED_UNITS.test(value) ? true : real(value));
    const probes = ['x'.repeat(min), 'x'.repeat(max), 'x'.repeat(max + 1), '\u{1F600}'.repeat(max), '\uFE0F'];
    return [...probes, ...PROBES].every((probe) => fast(probe) === real(probe)) ? fast : undefined;
  }
  const fast = SPECIALISED[name]?.(metadata, real);
  const probes = [...PROBES, ...DATE_PROBES, ...boundaryProbes(firstConstraint(metadata))];
  return fast !== undefined && probes.every((probe) => fast(probe) === real(probe)) ? fast : undefined;
}

/** class-validator's ValidationUtils.replaceMessageSpecialTokens, kept identical (quirks included). */
function replaceTokens(
  message: string | ((args: ValidationArguments) => string),
  args: ValidationArguments,
): string {
  let text = typeof message === 'function' ? message(args) : message;
  if (text && Array.isArray(args.constraints)) {
    args.constraints.forEach((constraint: unknown, index) => {
      const shown = Array.isArray(constraint)
        ? constraint.join(', ')
        : typeof constraint === 'symbol'
          ? String(constraint.description)
          : `${String(constraint)}`;
      text = text.replace(new RegExp(`\\$constraint${index + 1}`, 'g'), shown);
    });
  }
  const value: unknown = args.value;
  if (text && (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')) {
    text = text.replace(/\$value/g, String(value));
  }
  if (text) {
    text = text.replace(/\$property/g, args.property);
  }
  if (text) {
    text = text.replace(/\$target/g, String(args.targetName));
  }
  return text;
}

function failureMessage(check: ConstraintCheck, object: object, value: unknown): string {
  const args: ValidationArguments = { ...check.args, object, value };
  const { metadata, instance } = check;
  let message: string | ((a: ValidationArguments) => string) = metadata.message || '';
  if (!metadata.message && typeof instance.defaultMessage === 'function') {
    message = instance.defaultMessage(args);
  }
  return replaceTokens(message, args);
}

/** The message class-validator gives a nested property that is neither object nor array. */
function nestedMessage(metadata: ValidationMetadata, value: unknown): string {
  const target = metadata.target;
  return replaceTokens(metadata.message || '', {
    // class-validator passes the class itself as the "object" here, so its target name is "Function".
    targetName: typeof target === 'function' ? target.constructor.name : '',
    property: metadata.propertyName,
    object: typeof target === 'function' ? target : {},
    value,
    constraints: metadata.constraints,
  });
}

function add(list: FailedConstraint[] | undefined, name: string, message: string): FailedConstraint[] {
  const out = list ?? [];
  // class-validator keys failures by name: a second failure of the same name replaces the message in place.
  const index = out.findIndex(([existing]) => existing === name);
  if (index >= 0) {
    out[index] = [name, message];
  } else {
    out.push([name, message]);
  }
  return out;
}

const compiledClasses = new Map<ClassTarget, CompiledClass>();

function ownMetadataKeys(map: unknown, target: ClassTarget): string[] {
  const byTarget = map instanceof Map ? (map.get(target) as unknown) : undefined;
  return byTarget instanceof Map ? [...(byTarget.keys() as Iterable<unknown>)].map(String) : [];
}

function ancestorsOf(target: ClassTarget): ClassTarget[] {
  const out: ClassTarget[] = [];
  for (let proto: unknown = Object.getPrototypeOf(target.prototype); proto && proto !== Object.prototype;) {
    out.push((proto as { constructor: ClassTarget }).constructor);
    proto = Object.getPrototypeOf(proto);
  }
  return out;
}

function compileClass(target: ClassTarget): CompiledClass {
  const existing = compiledClasses.get(target);
  if (existing) {
    return existing;
  }
  const name = target.name;
  const compiled: CompiledClass = {
    name,
    properties: [],
    validated: [],
    blank: {},
    verdict: undefined,
    transform: undefined,
  };
  compiledClasses.set(target, compiled);
  try {
    fill(compiled, target);
  } catch (error) {
    compiledClasses.delete(target);
    throw error;
  }
  return compiled;
}

function fill(compiled: CompiledClass, target: ClassTarget): void {
  const name = compiled.name;
  const unsupported = (detail: string): never => {
    throw new UnsupportedValidationMetadataError(name, detail);
  };
  if (
    transformerStorage.getStrategy(target) !== 'none' ||
    transformerStorage.getExposedMetadatas(target).length > 0 ||
    transformerStorage.getExcludedMetadatas(target).length > 0
  ) {
    unsupported('@Expose/@Exclude are not compiled');
  }
  const blank = new (target as new () => object)();
  for (const [key, value] of Object.entries(blank)) {
    if (value !== undefined) {
      unsupported(`property ${key} has an initial value`);
    }
  }
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false, undefined);
  const grouped = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    if (typeof metadata.target !== 'function') {
      unsupported('schema-based validation is not compiled');
    }
    const list = grouped.get(metadata.propertyName) ?? [];
    list.push(metadata);
    grouped.set(metadata.propertyName, list);
  }
  // Properties class-transformer changes but class-validator does not look at still reach the decoders.
  const transformerOnly = [target, ...ancestorsOf(target)].flatMap((cls) => [
    ...ownMetadataKeys((transformerStorage as unknown as { _typeMetadatas?: unknown })._typeMetadatas, cls),
    ...ownMetadataKeys(
      (transformerStorage as unknown as { _transformMetadatas?: unknown })._transformMetadatas,
      cls,
    ),
  ]);
  const keys = [...new Set([...grouped.keys(), ...transformerOnly])];
  for (const key of keys) {
    if (key in Object.prototype || key in target.prototype) {
      unsupported(`property ${key} shadows a prototype member`);
    }
    const property: CompiledProperty = {
      key,
      pathOf: /^\d+$/.test(key)
        ? (parent) => `${parent}[${key}]`
        : (parent) => (parent === '' ? key : `${parent}.${key}`),
      nestedClass: nestedClassOf(target, key, unsupported),
      transforms: transformerStorage
        .findTransformMetadatas(target, key, TransformationType.PLAIN_TO_CLASS)
        .filter((m) => !m.options || !m.options.groups || !m.options.groups.length)
        .map((m) => m.transformFn as TransformFn),
      validation: undefined,
    };
    const list = grouped.get(key);
    if (list) {
      property.validation = compileValidation(name, list, unsupported);
      compiled.validated.push(property);
    }
    compiled.properties.push(property);
    compiled.blank[key] = undefined;
  }
}

function nestedClassOf(
  target: ClassTarget,
  key: string,
  unsupported: (detail: string) => never,
): (() => CompiledClass) | undefined {
  const type = transformerStorage.findTypeMetadata(target, key);
  if (!type) {
    return undefined;
  }
  if (type.options?.discriminator) {
    unsupported(`${key} uses a @Type discriminator`);
  }
  if (type.reflectedType === Map || type.reflectedType === Set) {
    unsupported(`${key} is a Map or Set`);
  }
  const resolved: unknown = type.typeFunction
    ? type.typeFunction({ newObject: {}, object: {}, property: key })
    : type.reflectedType;
  if (typeof resolved !== 'function') {
    return undefined;
  }
  const cls = resolved as ClassTarget;
  if ([String, Number, Boolean, Date, Buffer, Map, Set, Object, Array].includes(cls as never)) {
    unsupported(`${key} converts to ${cls.name}`);
  }
  let compiled: CompiledClass | undefined;
  return () => (compiled ??= compileClass(cls));
}

function compileValidation(
  className: string,
  metadatas: ValidationMetadata[],
  unsupported: (detail: string) => never,
): NonNullable<CompiledProperty['validation']> {
  let optional = false;
  const conditions: Condition[] = [];
  const defined: ConstraintCheck[] = [];
  const custom: ConstraintCheck[] = [];
  const nested: ValidationMetadata[] = [];
  for (const metadata of metadatas) {
    switch (metadata.type) {
      case ValidationTypes.IS_DEFINED:
        defined.push(...constraintChecks(className, metadata));
        break;
      case ValidationTypes.CUSTOM_VALIDATION:
        custom.push(...constraintChecks(className, metadata));
        break;
      case ValidationTypes.NESTED_VALIDATION:
        nested.push(metadata);
        break;
      case ValidationTypes.CONDITIONAL_VALIDATION:
        if (metadata.name === 'isOptional') {
          optional = true; // IsOptional: object[property] is neither null nor undefined
        } else {
          conditions.push(firstConstraint(metadata) as Condition);
        }
        break;
      case ValidationTypes.WHITELIST:
        break;
      default:
        unsupported(`${metadata.propertyName} uses ${metadata.type}`);
    }
  }
  if (nested.length > 1) {
    unsupported(`${metadatas[0]?.propertyName ?? ''} has more than one @ValidateNested`);
  }
  return { optional, conditions, checks: [...defined, ...custom], nested: nested[0] };
}

function transformValue(value: unknown, nestedClass: (() => CompiledClass) | undefined): unknown {
  if (nestedClass === undefined) {
    // Without @Type, plainToInstance deep-copies; nothing downstream writes to it, so share it.
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => transformValue(item, nestedClass));
  }
  if (typeof value === 'object' && value !== null) {
    return transformObject(nestedClass(), value as Plain);
  }
  return value;
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Turns a generator's text into a function of its bindings (`b`). */
type Compile = (body: string) => (b: readonly unknown[]) => unknown;

/**
 * new Function, or undefined where the process refuses code generation from strings (as Node does
 * with `--disallow-code-generation-from-strings`, a hardening some deployments apply): the loops,
 * validateObject and interpretTransform, then do the same work, slower.
 */
const compileGenerated: Compile | undefined = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a probe: is code generation allowed here?
    new Function('');
  } catch (error) {
    if (error instanceof EvalError) {
      return undefined;
    }
    throw error;
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from class metadata, never from input (see generateVerdict)
  return (body) => new Function('b', body) as (b: readonly unknown[]) => unknown;
})();

/** plainToInstance for the properties the class declares, into a plain object. */
function transformObject(compiled: CompiledClass, plain: Plain): Plain {
  compiled.transform ??=
    compileGenerated === undefined
      ? (input) => interpretTransform(compiled, input)
      : generateTransform(compiled, compileGenerated);
  return compiled.transform(plain);
}

/** transformObject as a loop over the class's properties, where code cannot be generated. */
function interpretTransform(compiled: CompiledClass, plain: Plain): Plain {
  const out: Plain = { ...compiled.blank };
  for (const property of compiled.properties) {
    const key = property.key;
    const raw = plain[key];
    if (raw === undefined && (property.transforms.length === 0 || !hasOwn(plain, key))) {
      continue;
    }
    let value = transformValue(raw, property.nestedClass);
    for (const transform of property.transforms) {
      value = transform({ value, key, obj: plain, type: PLAIN_TO_CLASS, options: TRANSFORM_OPTIONS });
    }
    out[key] = value;
  }
  return out;
}

/**
 * transformObject as one function per class, for the reason generateVerdict gives: for each property
 * the class declares, its value (from @Type's class, then each @Transform) where the input has it, or
 * where a @Transform is given the property that is there but undefined; the others stay undefined. The
 * result starts as an object literal of all the properties, undefined, in the order of `blank`, so all
 * objects of a class share one hidden class.
 */
function generateTransform(compiled: CompiledClass, compile: Compile): (plain: Plain) => Plain {
  const bindings: unknown[] = [hasOwn, transformValue, PLAIN_TO_CLASS, TRANSFORM_OPTIONS];
  const bind = (value: unknown): string => {
    bindings.push(value);
    return `b${bindings.length - 1}`;
  };
  const keys = Object.keys(compiled.blank);
  const body = compiled.properties.map((property) => {
    const key = JSON.stringify(property.key);
    const value = property.nestedClass === undefined ? 'raw' : `b1(raw, ${bind(property.nestedClass)})`;
    if (property.transforms.length === 0) {
      return `raw = p[${key}];\nif (raw !== undefined) out[${key}] = ${value};`;
    }
    const transforms = property.transforms
      .map(
        (transform) => `value = ${bind(transform)}({ value, key: ${key}, obj: p, type: b2, options: b3 });`,
      )
      .join('\n');
    return `raw = p[${key}];
      if (raw !== undefined || b0(p, ${key})) {
        value = ${value};
        ${transforms}
        out[${key}] = value;
      }`;
  });
  const literal = keys.map((key) => `${JSON.stringify(key)}: undefined`).join(', ');
  const prologue = bindings.map((_, index) => `const b${index} = b[${index}];`).join('\n');
  const factory = compile(
    `${prologue}\nreturn function transform(p) {\nconst out = { ${literal} };\nlet raw, value;\n${body.join('\n')}\nreturn out;\n};`,
  ) as (b: readonly unknown[]) => (plain: Plain) => Plain;
  return factory(bindings);
}

/** validateSync for one object of the class, in class-validator's property and constraint order. */
function validateObject(compiled: CompiledClass, object: Plain, path: string, out: RejectionError[]): void {
  for (const property of compiled.validated) {
    const rules = property.validation;
    if (rules === undefined) {
      continue;
    }
    const value = object[property.key];
    if (rules.optional && (value === undefined || value === null)) {
      continue;
    }
    if (rules.conditions.length > 0 && !rules.conditions.every((condition) => condition(object, value))) {
      continue;
    }
    let failed: FailedConstraint[] | undefined;
    for (const check of rules.checks) {
      if (check.when !== undefined && !check.when(object, value)) {
        continue;
      }
      if (!check.passes(value, object)) {
        failed = add(failed, check.name, failureMessage(check, object, value));
      }
    }
    const nested = rules.nested;
    let descend: 'array' | 'object' | undefined;
    if (nested !== undefined && value !== undefined) {
      if (Array.isArray(value)) {
        descend = 'array';
      } else if (value instanceof Object) {
        descend = 'object';
      } else {
        failed = add(failed, nested.type, nestedMessage(nested, value));
      }
    }
    if (failed === undefined && descend === undefined) {
      continue;
    }
    const propertyPath = property.pathOf(path);
    if (failed !== undefined) {
      pushConstraintErrors(propertyPath, failed, out);
    }
    if (descend === 'array' && nested !== undefined) {
      validateElements(property.nestedClass, nested, value as unknown[], propertyPath, out);
    } else if (descend === 'object' && property.nestedClass !== undefined) {
      validateObject(property.nestedClass(), value as Plain, propertyPath, out);
    }
  }
}

/** class-validator's @ValidateNested over an array: every element an object of the class, or an error. */
function validateElements(
  nestedClass: (() => CompiledClass) | undefined,
  nested: ValidationMetadata,
  values: unknown[],
  path: string,
  out: RejectionError[],
): void {
  values.forEach((value, index) => {
    if (value === undefined) {
      return;
    }
    const elementPath = `${path}[${index}]`;
    if (Array.isArray(value)) {
      validateElements(nestedClass, nested, value, elementPath, out);
    } else if (value instanceof Object) {
      if (nestedClass !== undefined) {
        validateObject(nestedClass(), value as Plain, elementPath, out);
      }
    } else {
      pushConstraintErrors(elementPath, [[nested.type, nestedMessage(nested, value)]], out);
    }
  });
}

/**
 * A class's verdict, generated on its first use (nested classes when first reached, so cycles are fine);
 * undefined where code cannot be generated.
 */
function verdictOf(compiled: CompiledClass): Verdict | undefined {
  return compileGenerated === undefined ? undefined : generatedVerdictOf(compiled, compileGenerated);
}

function generatedVerdictOf(compiled: CompiledClass, compile: Compile): Verdict {
  return (compiled.verdict ??= generateVerdict(compiled, compile));
}

/** validateElements' verdict: every element an object that passes, or an array of such. */
function elementsPass(
  nestedClass: (() => CompiledClass) | undefined,
  values: unknown[],
  compile: Compile,
): boolean {
  for (const value of values) {
    if (value === undefined) {
      continue;
    }
    if (Array.isArray(value)) {
      if (!elementsPass(nestedClass, value, compile)) {
        return false;
      }
    } else if (value instanceof Object) {
      if (nestedClass !== undefined && !generatedVerdictOf(nestedClass(), compile)(value as Plain)) {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

/**
 * validateObject without the errors, as one function per class: each property read with its own key
 * and each check called from its own site, where the loop in validateObject reads every key and calls
 * every check from one place (keyed loads and calls V8 cannot specialise). It decides the common case,
 * a valid object, in well under half the time (in a profile of bench:decoding, 13% of decoding against
 * validateObject's 32%); anything it refuses goes through validateObject for the errors, so the errors
 * are the same, and a refusal it gets wrong costs time, never a rejection. It
 * must only never accept what validateObject would reject: it makes the same calls in the same order,
 * stopping at the first failure. The generated text holds no input: keys are JSON string literals of
 * the classes' own property names, everything else a numbered binding.
 */
function generateVerdict(compiled: CompiledClass, compile: Compile): Verdict {
  const bindings: unknown[] = [compile];
  const bind = (value: unknown): string => {
    bindings.push(value);
    return `b${bindings.length - 1}`;
  };
  const body: string[] = [];
  for (const property of compiled.validated) {
    const rules = property.validation;
    if (rules === undefined) {
      continue;
    }
    const steps: string[] = [];
    for (const check of rules.checks) {
      const passes =
        check.specialised && !check.each ? `${bind(check.one)}(v)` : `${bind(check.passes)}(v, o)`;
      steps.push(
        check.when === undefined
          ? `if (!${passes}) return false;`
          : `if (${bind(check.when)}(o, v) && !${passes}) return false;`,
      );
    }
    if (rules.nested !== undefined) {
      const nested = property.nestedClass;
      const object =
        nested === undefined
          ? ''
          : `if (!${bind(generatedVerdictOf)}(${bind(nested)}(), b0)(v)) return false;`;
      steps.push(
        `if (v !== undefined) {
          if (Array.isArray(v)) { if (!${bind(elementsPass)}(${bind(nested)}, v, b0)) return false; }
          else if (v instanceof Object) { ${object} }
          else return false;
        }`,
      );
    }
    let block = steps.join('\n');
    if (rules.conditions.length > 0) {
      block = `if (${rules.conditions.map((condition) => `${bind(condition)}(o, v)`).join(' && ')}) {\n${block}\n}`;
    }
    if (rules.optional) {
      block = `if (v !== undefined && v !== null) {\n${block}\n}`;
    }
    body.push(`v = o[${JSON.stringify(property.key)}];\n${block}`);
  }
  const prologue = bindings.map((_, index) => `const b${index} = b[${index}];`).join('\n');
  const factory = compile(
    `${prologue}\nreturn function verdict(o) {\nlet v;\n${body.join('\n')}\nreturn true;\n};`,
  ) as (b: readonly unknown[]) => Verdict;
  return factory(bindings);
}

/** A class's class-validator and class-transformer decorators as closures: the same results, without the lookups. */
export class CompiledValidation<T extends object> {
  private readonly root: CompiledClass;

  constructor(target: ClassConstructor<T>) {
    this.root = compileClass(target);
  }

  /** plainToInstance + validateSync(forbidUnknownValues: false), into a plain object. */
  validate(plain: object, pathPrefix = ''): SourceValidationResult<T> {
    const value = transformObject(this.root, plain as Plain);
    if (verdictOf(this.root)?.(value) === true) {
      return { ok: true, value: value as T };
    }
    const errors: RejectionError[] = [];
    validateObject(this.root, value, pathPrefix, errors);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: value as T };
  }

  /**
   * The errors validate() would give, without building the transformed copy when no class reachable from
   * this one has a @Transform (validation reads the same values then; nested classes come from @Type).
   */
  check(plain: object, pathPrefix = ''): RejectionError[] {
    this.transforms ??= anyTransforms(this.root, new Set());
    if (this.transforms) {
      const result = this.validate(plain, pathPrefix);
      return result.ok ? [] : result.errors;
    }
    if (verdictOf(this.root)?.(plain as Plain) === true) {
      return [];
    }
    const errors: RejectionError[] = [];
    validateObject(this.root, plain as Plain, pathPrefix, errors);
    return errors;
  }

  private transforms: boolean | undefined;
}

function anyTransforms(compiled: CompiledClass, seen: Set<CompiledClass>): boolean {
  if (seen.has(compiled)) {
    return false;
  }
  seen.add(compiled);
  return compiled.properties.some(
    (property) =>
      property.transforms.length > 0 ||
      (property.nestedClass !== undefined && anyTransforms(property.nestedClass(), seen)),
  );
}

/**
 * `Class.property: constraint` for each check, in the class and the classes it nests, that runs
 * class-validator's own code (a custom constraint, or a built-in whose fast closure disagreed with it on
 * a probe). Each costs several times a specialised one: a diagnostic for tests and benchmarks.
 */
export function unspecialisedChecks(target: ClassConstructor<object>): string[] {
  const out: string[] = [];
  const visit = (compiled: CompiledClass, seen: Set<CompiledClass>): void => {
    if (seen.has(compiled)) {
      return;
    }
    seen.add(compiled);
    for (const property of compiled.properties) {
      for (const check of property.validation?.checks ?? []) {
        if (!check.specialised) {
          out.push(`${compiled.name}.${property.key}: ${check.name}`);
        }
      }
      if (property.nestedClass !== undefined) {
        visit(property.nestedClass(), seen);
      }
    }
  };
  visit(compileClass(target), new Set());
  return out;
}

const validations = new Map<ClassTarget, CompiledValidation<object>>();

/** The compiled validation of a class, compiled on first use and kept for the process. */
export function compiledValidationOf<T extends object>(target: ClassConstructor<T>): CompiledValidation<T> {
  let compiled = validations.get(target);
  if (!compiled) {
    compiled = new CompiledValidation(target);
    validations.set(target, compiled);
  }
  return compiled as CompiledValidation<T>;
}
