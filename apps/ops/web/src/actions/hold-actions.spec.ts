import type { HoldStatus, Role } from '../api/ops-api.types';
import {
  actionOutcomeMessage,
  actionRequestBody,
  availableActions,
  fieldErrorMap,
  hasRole,
  type HoldActionKind,
  needsSecondOfficer,
  validateAction,
} from './hold-actions';

const officer = { id: 'u-1', roles: ['officer'] as Role[] };
const supervisor = { id: 'u-2', roles: ['supervisor'] as Role[] };
const viewer = { id: 'u-3', roles: ['viewer'] as Role[] };

describe('hasRole', () => {
  it.each<[Role[], Role, boolean]>([
    [['viewer'], 'viewer', true],
    [['viewer'], 'officer', false],
    [['officer'], 'viewer', true],
    [['supervisor'], 'officer', true],
    [['admin'], 'supervisor', true],
    [['officer'], 'supervisor', false],
    [[], 'viewer', false],
  ])('%p has %s: %p', (roles, role, expected) => {
    expect(hasRole({ roles }, role)).toBe(expected);
  });

  it('denies a signed-out user', () => {
    expect(hasRole(null, 'viewer')).toBe(false);
  });
});

describe('availableActions', () => {
  it.each<[HoldStatus, typeof officer, HoldActionKind[]]>([
    ['OPEN', officer, ['claim', 'note', 'request-info', 'release', 'refer-inspection']],
    [
      'OPEN',
      supervisor,
      ['claim', 'assign', 'note', 'request-info', 'release', 'refer-inspection', 'seizure'],
    ],
    ['INFO_REQUESTED', officer, ['claim', 'note', 'info-received', 'release']],
    ['REFERRED', officer, ['claim', 'note', 'request-info', 'release']],
    ['AWAITING_SECOND_OFFICER', officer, ['claim', 'note', 'release', 'refer-inspection']],
    ['RELEASED', officer, ['note']],
    ['SEIZED', supervisor, ['note']],
    ['OPEN', viewer, []],
  ])('%s for %p', (status, user, expected) => {
    expect(availableActions({ status, assignee: null }, user)).toEqual(expected);
  });

  it.each([
    ['the officer', 'u-1'],
    ['another officer', 'u-9'],
  ])('does not offer to claim a hold assigned to %s', (_who, assigneeId) => {
    expect(
      availableActions({ status: 'CLAIMED', assignee: { id: assigneeId, displayName: 'Someone' } }, officer),
    ).not.toContain('claim');
  });

  it('offers nothing without a hold', () => {
    expect(availableActions(null, officer)).toEqual([]);
  });
});

describe('needsSecondOfficer', () => {
  it.each([
    [['NUCLEAR'], true],
    [['INTEGRITY', 'CHEMICAL_BIOLOGICAL'], true],
    [['MISSILE'], true],
    [['MILITARY', 'DUAL_USE'], false],
    [[], false],
  ] as const)('%p → %p', (categories, expected) => {
    expect(needsSecondOfficer({ categories: [...categories] })).toBe(expected);
  });
});

describe('actionRequestBody', () => {
  it.each<[HoldActionKind, Record<string, string>, Record<string, string>]>([
    ['claim', { text: 'ignored' }, {}],
    ['note', { text: '  checked seals  ' }, { text: 'checked seals' }],
    [
      'release',
      { reasonCode: 'LICENCE_VERIFIED', text: 'licence EL-1' },
      { reasonCode: 'LICENCE_VERIFIED', text: 'licence EL-1' },
    ],
    ['assign', { userId: 'u-7' }, { userId: 'u-7' }],
    ['seizure', {}, { text: '' }],
  ])('%s', (kind, values, expected) => {
    expect(actionRequestBody(kind, values)).toEqual(expected);
  });
});

describe('validateAction', () => {
  it('requires the release reason and text', () => {
    expect(validateAction('release', { text: '   ' }).map((error) => [error.field, error.code])).toEqual([
      ['reasonCode', 'REQUIRED'],
      ['text', 'REQUIRED'],
    ]);
  });

  it('limits text length', () => {
    expect(validateAction('note', { text: 'x'.repeat(4001) })[0]?.code).toBe('TOO_LONG');
  });

  it('accepts a claim with no fields and a complete release', () => {
    expect(validateAction('claim', {})).toEqual([]);
    expect(validateAction('release', { reasonCode: 'OTHER', text: 'ok' })).toEqual([]);
  });
});

describe('fieldErrorMap', () => {
  it('puts errors next to their fields and the rest on the form', () => {
    expect(
      fieldErrorMap('release', [
        { field: 'reasonCode', code: 'INVALID', message: 'Unknown reason.' },
        { field: 'text', code: 'REQUIRED', message: 'Required.' },
        { field: 'text', code: 'TOO_SHORT', message: 'Too short.' },
        { field: 'version', code: 'STALE', message: 'Reload.' },
      ]),
    ).toEqual({
      byField: { reasonCode: 'Unknown reason.', text: 'Required. Too short.' },
      form: ['version: Reload.'],
    });
  });
});

describe('actionOutcomeMessage', () => {
  it('says a two-officer release is awaiting the second officer', () => {
    expect(
      actionOutcomeMessage('release', { status: 'AWAITING_SECOND_OFFICER', consignmentId: 'X' }),
    ).toMatch(/Awaiting second officer/);
  });

  it.each([
    'claim',
    'assign',
    'note',
    'request-info',
    'info-received',
    'release',
    'refer-inspection',
    'seizure',
  ] as const)('has a message for %s', (kind) => {
    expect(actionOutcomeMessage(kind, { status: 'RELEASED', consignmentId: 'X' })).not.toBe('');
  });
});
