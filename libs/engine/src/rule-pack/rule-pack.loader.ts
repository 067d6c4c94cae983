import { createHash } from 'node:crypto';
import { RULE_IDS, type RiskCategory, type RuleId } from '@chokepoint/contracts';
import { parse as parseYaml } from 'yaml';
import { SCREENING_RULES } from '../rules/rule-catalogue';
import type { ParamSpec } from '../rules/rule.types';
import { HsIndex } from './hs-index';
import { KeywordMatcher } from './keyword-matcher';
import {
  HS_LIST_NAMES,
  HS_LIST_RULES,
  type EmbargoEntry,
  type EmbargoRegime,
  type HsListEntry,
  type HsListRule,
  type RiskyFlagState,
  type RulePack,
  type RuleSettings,
} from './rule-pack.types';

export const RISK_CATEGORIES: readonly RiskCategory[] = [
  'NUCLEAR',
  'CHEMICAL_BIOLOGICAL',
  'MISSILE',
  'MILITARY',
  'DUAL_USE',
  'SANCTIONS',
  'EMBARGO',
  'INTEGRITY',
  'OTHER',
];

export interface RulePackIssue {
  path: string;
  message: string;
}

/** Every problem of a pack at once, each with its path, so an operator fixes the file in one go. */
export class RulePackError extends Error {
  constructor(
    readonly source: string,
    readonly issues: RulePackIssue[],
  ) {
    super(`rule pack ${source} is invalid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'RulePackError';
  }
}

const TOP_LEVEL_KEYS = new Set([
  'id',
  'version',
  'jurisdiction',
  'description',
  'holdThreshold',
  'limits',
  'sanctions',
  'rules',
  'hsLists',
  'strategicKeywords',
  'vagueDescriptions',
  'intermediaryKeywords',
  'embargoes',
  'highRiskHubs',
  'freeZones',
  'borderCrossings',
  'riskyFlagStates',
]);
const UNLOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const MAX_RANGE_SIZE = 200;

type Node = Record<string, unknown>;

/** Collects issues instead of throwing at the first one. */
class PackReader {
  readonly issues: RulePackIssue[] = [];

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string, allowedKeys?: ReadonlySet<string>): Node | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'must be a mapping');
      return null;
    }
    if (allowedKeys) {
      for (const key of Object.keys(value)) {
        if (!allowedKeys.has(key)) {
          this.fail(`${path}.${key}`, 'unknown key');
        }
      }
    }
    return value as Node;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, 'must be a list');
      return [];
    }
    return value;
  }

  string(value: unknown, path: string, pattern?: RegExp): string | null {
    if (typeof value !== 'string' || value.trim().length === 0) {
      this.fail(path, 'must be a non-empty string');
      return null;
    }
    if (pattern && !pattern.test(value)) {
      this.fail(path, `"${value}" does not match ${String(pattern)}`);
      return null;
    }
    return value;
  }

  number(value: unknown, path: string, min: number, max: number): number | null {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.fail(path, `must be a number from ${min} to ${max}`);
      return null;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | null {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${allowed.join(', ')}`);
      return null;
    }
    return value as T;
  }

  date(value: unknown, path: string): string | null {
    // YAML turns unquoted dates into Date objects; accept both forms.
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      return value.toISOString().slice(0, 10);
    }
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) {
      return value;
    }
    this.fail(path, 'must be a date (YYYY-MM-DD)');
    return null;
  }
}

function hsCode(reader: PackReader, value: unknown, path: string): string | null {
  const code = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof code !== 'string' || !/^\d{2}(\d{2}){0,4}$/.test(code)) {
    reader.fail(path, 'must be an HS code of 2, 4, 6, 8 or 10 digits (quote codes with a leading zero)');
    return null;
  }
  return code;
}

function expandRange(reader: PackReader, value: unknown, path: string): string[] {
  const match = typeof value === 'string' ? /^(\d{2,10})-(\d{2,10})$/.exec(value) : null;
  const from = match?.[1];
  const to = match?.[2];
  if (!from || !to || from.length !== to.length || from.length % 2 !== 0 || Number(to) < Number(from)) {
    reader.fail(path, 'must be "FROM-TO" with two HS codes of the same even length, FROM <= TO');
    return [];
  }
  const size = Number(to) - Number(from) + 1;
  if (size > MAX_RANGE_SIZE) {
    reader.fail(path, `covers ${size} codes; split it (at most ${MAX_RANGE_SIZE})`);
    return [];
  }
  const codes: string[] = [];
  for (let n = Number(from); n <= Number(to); n += 1) {
    codes.push(String(n).padStart(from.length, '0'));
  }
  return codes;
}

function readHsLists(reader: PackReader, value: unknown): HsListEntry[] {
  const lists = reader.object(value, 'hsLists', new Set(HS_LIST_NAMES));
  const entries: HsListEntry[] = [];
  if (!lists) {
    return entries;
  }
  for (const listName of HS_LIST_NAMES) {
    const path = `hsLists.${listName}`;
    if (lists[listName] === undefined) {
      continue;
    }
    const list = reader.object(lists[listName], path, new Set(['rule', 'entries', 'description']));
    if (!list) {
      continue;
    }
    const rule = reader.oneOf<HsListRule>(list.rule, `${path}.rule`, HS_LIST_RULES);
    reader.array(list.entries, `${path}.entries`).forEach((raw, index) => {
      const entryPath = `${path}.entries[${index}]`;
      const entry = reader.object(
        raw,
        entryPath,
        new Set(['code', 'range', 'category', 'description', 'source']),
      );
      if (!entry) {
        return;
      }
      const category = reader.oneOf(entry.category, `${entryPath}.category`, RISK_CATEGORIES);
      const description = reader.string(entry.description, `${entryPath}.description`) ?? '';
      let codes: string[] = [];
      if (entry.code !== undefined && entry.range === undefined) {
        const code = hsCode(reader, entry.code, `${entryPath}.code`);
        codes = code ? [code] : [];
      } else if (entry.range !== undefined && entry.code === undefined) {
        codes = expandRange(reader, entry.range, `${entryPath}.range`);
      } else {
        reader.fail(entryPath, 'needs exactly one of code or range');
      }
      if (rule && category) {
        for (const code of codes) {
          entries.push({ code, category, description, list: listName, rule });
        }
      }
    });
  }
  return entries;
}

function readKeywords(
  reader: PackReader,
  value: unknown,
  path: string,
): { term: string; category: RiskCategory }[] {
  return reader.array(value, path).flatMap((raw, index) => {
    const itemPath = `${path}[${index}]`;
    const entry = reader.object(raw, itemPath, new Set(['term', 'category', 'note']));
    const term = entry ? reader.string(entry.term, `${itemPath}.term`) : null;
    const category = entry ? reader.oneOf(entry.category, `${itemPath}.category`, RISK_CATEGORIES) : null;
    return term && category ? [{ term, category }] : [];
  });
}

function readStrings(reader: PackReader, value: unknown, path: string, pattern?: RegExp): string[] {
  return reader.array(value, path).flatMap((raw, index) => {
    // Lists of places may be written as "CODE" or {code: CODE, note: …}.
    const item = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Node).code : raw;
    const text = reader.string(item, `${path}[${index}]`, pattern);
    return text ? [text] : [];
  });
}

function readParam(
  reader: PackReader,
  spec: ParamSpec,
  value: unknown,
  path: string,
): number | boolean | string[] | null {
  switch (spec.type) {
    case 'number':
      return reader.number(value, path, spec.min, spec.max);
    case 'boolean':
      if (typeof value !== 'boolean') {
        reader.fail(path, 'must be true or false');
        return null;
      }
      return value;
    case 'string[]': {
      const values = readStrings(reader, value, path);
      const bad = spec.allowed ? values.filter((v) => !spec.allowed?.includes(v)) : [];
      if (bad.length > 0) {
        reader.fail(path, `unknown value(s) ${bad.join(', ')}; allowed: ${spec.allowed?.join(', ') ?? ''}`);
        return null;
      }
      return values;
    }
  }
}

function defaultOf(spec: ParamSpec): number | boolean | string[] {
  return spec.type === 'string[]' ? [...spec.default] : spec.default;
}

function readRuleSettings(reader: PackReader, value: unknown): Map<RuleId, RuleSettings> {
  const raw = value === undefined ? {} : reader.object(value, 'rules', new Set<string>(RULE_IDS));
  const settings = new Map<RuleId, RuleSettings>();
  for (const rule of SCREENING_RULES) {
    const path = `rules.${rule.id}`;
    const given = raw?.[rule.id];
    const allowed = new Set(['enabled', 'score', ...Object.keys(rule.params)]);
    const node = given === undefined ? {} : (reader.object(given, path, allowed) ?? {});
    const enabled = node.enabled === undefined ? true : node.enabled === true;
    if (node.enabled !== undefined && typeof node.enabled !== 'boolean') {
      reader.fail(`${path}.enabled`, 'must be true or false');
    }
    if (node.score !== undefined && rule.outcome === 'HOLD') {
      reader.fail(`${path}.score`, `${rule.id} always holds; a score has no effect`);
    }
    const score =
      node.score === undefined
        ? rule.defaultScore
        : (reader.number(node.score, `${path}.score`, 0, 1000) ?? 0);
    const params: Record<string, number | boolean | string | string[]> = {};
    for (const [name, spec] of Object.entries(rule.params)) {
      const parsed = node[name] === undefined ? null : readParam(reader, spec, node[name], `${path}.${name}`);
      params[name] = parsed ?? defaultOf(spec);
    }
    settings.set(rule.id, { enabled, score, params });
  }
  return settings;
}

/** Short content hash used in `ruleSetVersion`, so decisions name the exact pack text they used. */
export function rulePackHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Parses and validates a rule pack; throws RulePackError listing every bad path. */
export function loadRulePack(text: string, source: string): RulePack {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new RulePackError(source, [
      { path: '(file)', message: `not valid YAML: ${(error as Error).message}` },
    ]);
  }
  const reader = new PackReader();
  const root = reader.object(document, '(root)', TOP_LEVEL_KEYS) ?? {};

  const id = reader.string(root.id, 'id') ?? '';
  const rawVersion: unknown = typeof root.version === 'number' ? String(root.version) : root.version;
  const version = reader.string(rawVersion, 'version', /^[0-9A-Za-z.-]+$/) ?? '';
  const jurisdiction = reader.string(root.jurisdiction, 'jurisdiction', COUNTRY) ?? '';
  const holdThreshold =
    root.holdThreshold === undefined
      ? 100
      : (reader.number(root.holdThreshold, 'holdThreshold', 1, 10_000) ?? 100);

  const limitsNode =
    reader.object(
      root.limits,
      'limits',
      new Set(['transitMaxHours', 'dwellMaxHours', 'weightTolerancePercent', 'pendingMovementMaxHours']),
    ) ?? {};
  const limits = {
    transitMaxHours: reader.number(limitsNode.transitMaxHours, 'limits.transitMaxHours', 1, 24 * 365) ?? 0,
    dwellMaxHours: reader.number(limitsNode.dwellMaxHours, 'limits.dwellMaxHours', 1, 24 * 365) ?? 0,
    weightTolerancePercent:
      reader.number(limitsNode.weightTolerancePercent, 'limits.weightTolerancePercent', 0, 100) ?? 0,
    pendingMovementMaxHours:
      limitsNode.pendingMovementMaxHours === undefined
        ? 24 * 60
        : (reader.number(
            limitsNode.pendingMovementMaxHours,
            'limits.pendingMovementMaxHours',
            1,
            24 * 3650,
          ) ?? 0),
  };

  const sanctionsNode =
    root.sanctions === undefined
      ? {}
      : (reader.object(root.sanctions, 'sanctions', new Set(['minScore'])) ?? {});
  const sanctionsMinScore =
    sanctionsNode.minScore === undefined
      ? 0.85
      : (reader.number(sanctionsNode.minScore, 'sanctions.minScore', 0, 1) ?? 1);

  const rules = readRuleSettings(reader, root.rules);
  const hsEntries = readHsLists(reader, root.hsLists);
  const strategicKeywords = readKeywords(reader, root.strategicKeywords, 'strategicKeywords');

  const vagueNode =
    reader.object(
      root.vagueDescriptions,
      'vagueDescriptions',
      new Set(['terms', 'fillerWords', 'minMeaningfulLength']),
    ) ?? {};
  const vagueTerms = readStrings(reader, vagueNode.terms, 'vagueDescriptions.terms');
  const fillerWords = readStrings(reader, vagueNode.fillerWords ?? [], 'vagueDescriptions.fillerWords');
  const vagueMinMeaningfulLength =
    vagueNode.minMeaningfulLength === undefined
      ? 3
      : (reader.number(vagueNode.minMeaningfulLength, 'vagueDescriptions.minMeaningfulLength', 0, 100) ?? 3);

  const intermediaryKeywords = readStrings(reader, root.intermediaryKeywords, 'intermediaryKeywords');

  const embargoes = new Map<string, EmbargoEntry>();
  reader.array(root.embargoes, 'embargoes').forEach((raw, index) => {
    const path = `embargoes[${index}]`;
    const node = reader.object(raw, path, new Set(['country', 'regime', 'checked', 'source', 'note']));
    if (!node) {
      return;
    }
    const country = reader.string(node.country, `${path}.country`, COUNTRY);
    const regime = reader.oneOf<EmbargoRegime>(node.regime, `${path}.regime`, ['ALL_CARGO', 'ARMS']);
    const checked = reader.date(node.checked, `${path}.checked`);
    const sourceText = reader.string(node.source, `${path}.source`);
    if (country && embargoes.has(country)) {
      reader.fail(`${path}.country`, `${country} is listed twice`);
    }
    if (country && regime && checked && sourceText) {
      const note = typeof node.note === 'string' ? node.note : undefined;
      embargoes.set(country, { country, regime, checked, source: sourceText, ...(note ? { note } : {}) });
    }
  });

  const highRiskHubs = readStrings(reader, root.highRiskHubs, 'highRiskHubs', UNLOCODE);
  const freeZoneNode =
    reader.object(root.freeZones, 'freeZones', new Set(['unLocodes', 'nameKeywords'])) ?? {};
  const freeZones = readStrings(reader, freeZoneNode.unLocodes, 'freeZones.unLocodes', UNLOCODE);
  const freeZoneNames = readStrings(reader, freeZoneNode.nameKeywords ?? [], 'freeZones.nameKeywords');
  const borderCrossings = readStrings(reader, root.borderCrossings ?? [], 'borderCrossings', UNLOCODE);

  const riskyFlagStates = new Map<string, RiskyFlagState>();
  const riskyMmsiPrefixes = new Map<string, string>();
  reader.array(root.riskyFlagStates, 'riskyFlagStates').forEach((raw, index) => {
    const path = `riskyFlagStates[${index}]`;
    const node = reader.object(raw, path, new Set(['country', 'mmsiPrefixes', 'note']));
    const country = node ? reader.string(node.country, `${path}.country`, COUNTRY) : null;
    const prefixes = node
      ? readStrings(reader, node.mmsiPrefixes ?? [], `${path}.mmsiPrefixes`, /^\d{3}$/)
      : [];
    if (country) {
      riskyFlagStates.set(country, { country, mmsiPrefixes: prefixes });
      prefixes.forEach((prefix) => riskyMmsiPrefixes.set(prefix, country));
    }
  });

  if (reader.issues.length > 0) {
    throw new RulePackError(source, reader.issues);
  }
  const contentHash = rulePackHash(text);
  const other: RiskCategory = 'OTHER';
  return {
    id,
    version,
    jurisdiction,
    source,
    contentHash,
    ruleSetVersion: `${version}+sha256:${contentHash.slice(0, 12)}`,
    holdThreshold,
    limits,
    sanctionsMinScore,
    hsIndex: new HsIndex(hsEntries),
    strategicKeywords: new KeywordMatcher(strategicKeywords),
    vagueTerms: new KeywordMatcher(vagueTerms.map((term) => ({ term, category: other }))),
    vagueFillerWords: new Set(fillerWords.map((word) => word.toLowerCase())),
    vagueMinMeaningfulLength,
    consigneeIntermediaryKeywords: new KeywordMatcher(
      intermediaryKeywords.map((term) => ({ term, category: other })),
    ),
    embargoes,
    highRiskHubs: new Set(highRiskHubs),
    freeZones: new Set(freeZones),
    freeZoneNameKeywords: new KeywordMatcher(freeZoneNames.map((term) => ({ term, category: other }))),
    borderCrossings: new Set(borderCrossings),
    riskyFlagStates,
    riskyMmsiPrefixes,
    rules,
  };
}
