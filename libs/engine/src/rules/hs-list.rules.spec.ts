import { goodsItem, licence, manifest } from '../testing/manifest.factory';
import { runRule } from '../testing/rule-input';
import { hsDualUseRule } from './hs-dual-use.rule';
import { hsMilitaryRule } from './hs-military.rule';
import { hsNuclearRule } from './hs-nuclear.rule';
import { licenceMissingRule } from './licence-missing.rule';

const withHs = (hsCode: string, licences = [] as ReturnType<typeof licence>[]) =>
  manifest({ goodsItems: [goodsItem({ hsCodes: [hsCode], description: 'x' })], licences });

describe('HS_MILITARY', () => {
  it.each([
    ['930190', 1, ['MILITARY']],
    ['930690', 1, ['MILITARY', 'MISSILE']],
    ['871000', 1, ['MILITARY']],
    ['890610', 1, ['MILITARY']],
    ['890690', 0, []],
    ['360200', 1, ['MILITARY']],
    ['360410', 0, []],
    ['030617', 0, []],
  ])('HS %s gives %i hold(s)', (hsCode, count, categories) => {
    const findings = runRule(hsMilitaryRule, { manifest: withHs(hsCode) });

    expect(findings).toHaveLength(count);
    expect(findings[0]?.categories ?? []).toEqual(categories);
  });

  it('is silent with a valid licence', () => {
    expect(runRule(hsMilitaryRule, { manifest: withHs('930190', [licence()]) })).toEqual([]);
  });
});

describe('HS_NUCLEAR', () => {
  it.each([
    ['284410', 1],
    ['28441000', 1],
    ['284510', 1],
    ['284590', 0],
    ['261210', 1],
    ['840120', 1],
    ['840211', 0],
  ])('HS %s gives %i hold(s)', (hsCode, count) => {
    expect(runRule(hsNuclearRule, { manifest: withHs(hsCode) })).toHaveLength(count);
  });
});

describe('HS_DUAL_USE', () => {
  it.each([
    ['845611', 'DUAL_USE'],
    ['846693', 'DUAL_USE'],
    ['842119', 'DUAL_USE'],
    ['681511', 'DUAL_USE'],
    ['901320', 'DUAL_USE'],
    ['880621', 'DUAL_USE'],
    ['292119', 'CHEMICAL_BIOLOGICAL'],
    ['293070', 'CHEMICAL_BIOLOGICAL'],
    ['841210', 'MISSILE'],
  ])('HS %s flags once with category %s', (hsCode, category) => {
    const findings = runRule(hsDualUseRule, { manifest: withHs(hsCode) });

    expect(findings).toEqual([
      expect.objectContaining({ outcome: 'FLAG', score: 40, categories: [category] }),
    ]);
  });

  it.each(['845510', '846711', '842211', '030617'])('HS %s is not on the watch list', (hsCode) => {
    expect(runRule(hsDualUseRule, { manifest: withHs(hsCode) })).toEqual([]);
  });
});

describe('LICENCE_MISSING', () => {
  const now = '2026-06-01T00:00:00.000Z';
  it.each([
    ['no licence', [], 'EXPORT', 'MISSING'],
    ['a valid export licence', [licence()], 'EXPORT', null],
    ['a licence expiring today', [licence({ expiryDate: '2026-06-01' })], 'EXPORT', null],
    ['a licence expired yesterday', [licence({ expiryDate: '2026-05-31' })], 'EXPORT', 'EXPIRED'],
    ['a licence issued tomorrow', [licence({ issueDate: '2026-06-02' })], 'EXPORT', 'NOT_YET_VALID'],
    ['an export licence on import', [licence()], 'IMPORT', 'MISSING'],
    ['an import licence on import', [licence({ kind: 'IMPORT' })], 'IMPORT', null],
    ['any licence in transit', [licence({ kind: 'IMPORT' })], 'TRANSIT', null],
  ] as const)('controlled goods with %s', (_label, licences, stage, status) => {
    const findings = runRule(licenceMissingRule, { manifest: withHs('845811', [...licences]), stage, now });

    expect(findings[0]?.evidence.licenceStatus ?? null).toBe(status);
  });

  it('accepts a licence on the goods item itself', () => {
    const item = goodsItem({ hsCodes: ['845811'], licences: [licence({ scope: 'CONSIGNMENT_ITEM' })] });

    expect(runRule(licenceMissingRule, { manifest: manifest({ goodsItems: [item] }), now })).toEqual([]);
  });
});
