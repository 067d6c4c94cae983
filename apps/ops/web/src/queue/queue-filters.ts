import {
  HOLD_STATUSES,
  type HoldStatus,
  type HoldSummary,
  RISK_CATEGORIES,
  type RiskCategory,
  RULE_IDS,
  type RuleId,
  STAGES,
  type Stage,
} from '../api/ops-api.types';

export const QUEUE_SORTS = ['deadline', '-deadline', 'heldAt', '-heldAt', '-score'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
/** Most urgent first: what an officer opening the queue wants to see. */
export const DEFAULT_SORT: QueueSort = 'deadline';

export const SLA_FILTERS = ['BREACHED', 'NEAR', 'OK'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

/** `me`, `none` or a user id (UUID), as the API takes them. */
export type AssigneeFilter = 'me' | 'none' | (string & {});

export interface QueueFilters {
  status: HoldStatus | null;
  stage: Stage | null;
  ruleId: RuleId | null;
  port: string | null;
  category: RiskCategory | null;
  assignee: AssigneeFilter | null;
  sla: SlaFilter | null;
  minAgeHours: number | null;
  sort: QueueSort;
}

export const EMPTY_FILTERS: QueueFilters = {
  status: null,
  stage: null,
  ruleId: null,
  port: null,
  category: null,
  assignee: null,
  sla: null,
  minAgeHours: null,
  sort: DEFAULT_SORT,
};

const FILTER_KEYS = [
  'status',
  'stage',
  'ruleId',
  'port',
  'category',
  'assignee',
  'sla',
  'minAgeHours',
] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** A UN/LOCODE: two letters of country, three letters or digits 2-9 of location. */
function portCode(value: string | null): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}[A-Z2-9]{3}$/.test(code) ? code : null;
}

function hours(value: string | null): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 && parsed <= 24 * 365 ? parsed : null;
}

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assignee(value: string | null): AssigneeFilter | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === 'me' || trimmed === 'none' || USER_ID.test(trimmed) ? trimmed.toLowerCase() : null;
}

/** Reads filters from the console's query string; values it does not understand are dropped. */
export function filtersFromQuery(search: string): QueueFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  return {
    status: oneOf(HOLD_STATUSES, params.get('status')),
    stage: oneOf(STAGES, params.get('stage')),
    ruleId: oneOf(RULE_IDS, params.get('ruleId')),
    port: portCode(params.get('port')),
    category: oneOf(RISK_CATEGORIES, params.get('category')),
    assignee: assignee(params.get('assignee')),
    sla: oneOf(SLA_FILTERS, params.get('sla')),
    minAgeHours: hours(params.get('minAgeHours')),
    sort: oneOf(QUEUE_SORTS, params.get('sort')) ?? DEFAULT_SORT,
  };
}

/** The console's query string for these filters: only what differs from the defaults, in a stable order. */
export function filtersToQuery(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== null) {
      params.set(key, String(value));
    }
  }
  if (filters.sort !== DEFAULT_SORT) {
    params.set('sort', filters.sort);
  }
  return params.toString();
}

/** Query for GET /api/holds; `me` becomes the signed-in officer's id. */
export function holdsApiQuery(
  filters: QueueFilters,
  options: { userId: string | null; cursor?: string | null; limit?: number },
): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === null) {
      continue;
    }
    params.set(key, key === 'assignee' && value === 'me' ? (options.userId ?? 'me') : String(value));
  }
  params.set('sort', filters.sort);
  if (options.cursor) {
    params.set('cursor', options.cursor);
  }
  if (options.limit !== undefined) {
    params.set('limit', String(options.limit));
  }
  return params.toString();
}

export function activeFilterCount(filters: QueueFilters): number {
  return FILTER_KEYS.filter((key) => filters[key] !== null).length;
}

/**
 * Whether a hold that arrives on the live stream belongs in the current view, judged as the server
 * would judge it, so new holds outside the filters are not shown.
 */
export function matchesFilters(
  hold: HoldSummary,
  filters: QueueFilters,
  context: { now: Date; userId: string | null },
): boolean {
  if (filters.status !== null && hold.status !== filters.status) {
    return false;
  }
  if (filters.stage !== null && hold.stage !== filters.stage) {
    return false;
  }
  if (filters.ruleId !== null && !hold.ruleIds.includes(filters.ruleId)) {
    return false;
  }
  if (filters.category !== null && !hold.categories.includes(filters.category)) {
    return false;
  }
  if (
    filters.port !== null &&
    ![hold.portOfLoading, hold.portOfDischarge, hold.placeOfDelivery].includes(filters.port)
  ) {
    return false;
  }
  if (filters.sla !== null && hold.slaState !== filters.sla) {
    return false;
  }
  if (filters.assignee !== null) {
    const wanted = filters.assignee === 'me' ? context.userId : filters.assignee;
    if (filters.assignee === 'none' ? hold.assignee !== null : hold.assignee?.id !== wanted) {
      return false;
    }
  }
  if (filters.minAgeHours !== null) {
    const ageMs = context.now.getTime() - Date.parse(hold.heldAt);
    if (!(ageMs >= filters.minAgeHours * 3_600_000)) {
      return false;
    }
  }
  return true;
}
