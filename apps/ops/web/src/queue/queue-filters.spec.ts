import { holdSummary } from '../testing/hold-summary.factory';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  filtersFromQuery,
  filtersToQuery,
  holdsApiQuery,
  matchesFilters,
  type QueueFilters,
} from './queue-filters';

describe('filtersFromQuery', () => {
  it('gives the defaults for an empty query', () => {
    expect(filtersFromQuery('')).toEqual(EMPTY_FILTERS);
  });

  it('reads every filter', () => {
    expect(
      filtersFromQuery(
        '?status=CLAIMED&stage=EXPORT&ruleId=HS_NUCLEAR&port=vnhph&category=NUCLEAR&assignee=me&sla=NEAR&minAgeHours=4&sort=-score',
      ),
    ).toEqual<QueueFilters>({
      status: 'CLAIMED',
      stage: 'EXPORT',
      ruleId: 'HS_NUCLEAR',
      port: 'VNHPH',
      category: 'NUCLEAR',
      assignee: 'me',
      sla: 'NEAR',
      minAgeHours: 4,
      sort: '-score',
    });
  });

  it.each([
    ['status=PENDING', 'status'],
    ['stage=export', 'stage'],
    ['ruleId=NOT_A_RULE', 'ruleId'],
    ['port=HAIPHONG', 'port'],
    ['category=FOOD', 'category'],
    ['sla=PAUSED', 'sla'],
    ['minAgeHours=-3', 'minAgeHours'],
    ['minAgeHours=abc', 'minAgeHours'],
    ['minAgeHours=', 'minAgeHours'],
    ['assignee=%20%20', 'assignee'],
    ['assignee=bob', 'assignee'],
    ['port=VNHP1', 'port'],
  ] as const)('drops an invalid value: %s', (query, key) => {
    expect(filtersFromQuery(query)[key]).toBeNull();
  });

  it('falls back to the default sort', () => {
    expect(filtersFromQuery('sort=name').sort).toBe('deadline');
  });
});

describe('filtersToQuery', () => {
  it('writes nothing for the defaults', () => {
    expect(filtersToQuery(EMPTY_FILTERS)).toBe('');
  });

  it.each([
    'stage=EXPORT',
    'status=OPEN&sla=BREACHED',
    'ruleId=SEAL_MISMATCH&port=VNSGN&category=INTEGRITY&assignee=none&minAgeHours=12&sort=-heldAt',
    'assignee=0b8f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b&sort=-score',
  ])('round-trips %s', (query) => {
    expect(filtersToQuery(filtersFromQuery(query))).toBe(query);
  });
});

describe('holdsApiQuery', () => {
  it('always sends the sort and resolves "me" to the user id', () => {
    const filters = { ...EMPTY_FILTERS, assignee: 'me', stage: 'IMPORT' } as const;
    expect(holdsApiQuery(filters, { userId: 'u-7', cursor: 'c1', limit: 50 })).toBe(
      'stage=IMPORT&assignee=u-7&sort=deadline&cursor=c1&limit=50',
    );
  });

  it('omits a missing cursor', () => {
    expect(holdsApiQuery(EMPTY_FILTERS, { userId: null, cursor: null })).toBe('sort=deadline');
  });
});

describe('activeFilterCount', () => {
  it('counts filters but not the sort', () => {
    expect(activeFilterCount({ ...EMPTY_FILTERS, sort: '-score', stage: 'EXPORT', sla: 'OK' })).toBe(2);
  });
});

describe('matchesFilters', () => {
  const now = new Date('2026-03-04T16:00:00Z');
  const hold = holdSummary({
    status: 'CLAIMED',
    stage: 'TRANSIT',
    categories: ['NUCLEAR', 'INTEGRITY'],
    ruleIds: ['HS_NUCLEAR', 'SEAL_MISMATCH'],
    slaState: 'NEAR',
    assignee: { id: 'u-1', displayName: 'Officer One' },
    portOfLoading: 'CNSHA',
    portOfDischarge: 'VNHPH',
    placeOfDelivery: 'LAVTE',
    heldAt: '2026-03-04T10:00:00Z',
  });

  it.each<[string, Partial<QueueFilters>, boolean]>([
    ['no filters', {}, true],
    ['status equal', { status: 'CLAIMED' }, true],
    ['status different', { status: 'OPEN' }, false],
    ['stage equal', { stage: 'TRANSIT' }, true],
    ['stage different', { stage: 'EXPORT' }, false],
    ['one of its rules', { ruleId: 'SEAL_MISMATCH' }, true],
    ['not its rule', { ruleId: 'HS_MILITARY' }, false],
    ['one of its categories', { category: 'NUCLEAR' }, true],
    ['not its category', { category: 'MILITARY' }, false],
    ['port of loading', { port: 'CNSHA' }, true],
    ['place of delivery', { port: 'LAVTE' }, true],
    ['another port', { port: 'VNSGN' }, false],
    ['sla equal', { sla: 'NEAR' }, true],
    ['sla different', { sla: 'BREACHED' }, false],
    ['assigned to me', { assignee: 'me' }, true],
    ['assigned to that user', { assignee: 'u-1' }, true],
    ['assigned to someone else', { assignee: 'u-2' }, false],
    ['unassigned wanted', { assignee: 'none' }, false],
    ['old enough', { minAgeHours: 6 }, true],
    ['too young', { minAgeHours: 7 }, false],
    ['all together', { stage: 'TRANSIT', category: 'NUCLEAR', port: 'VNHPH', minAgeHours: 1 }, true],
  ])('%s', (_name, filters, expected) => {
    expect(matchesFilters(hold, { ...EMPTY_FILTERS, ...filters }, { now, userId: 'u-1' })).toBe(expected);
  });

  it('matches unassigned holds for "none"', () => {
    expect(
      matchesFilters(
        holdSummary({ assignee: null }),
        { ...EMPTY_FILTERS, assignee: 'none' },
        { now, userId: null },
      ),
    ).toBe(true);
  });
});
