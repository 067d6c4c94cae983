import { readFileSync } from 'node:fs';
import { DEFAULT_RULE_PACK_PATH } from './rule-pack.file';
import { loadRulePack, RulePackError } from './rule-pack.loader';

const shipped = readFileSync(DEFAULT_RULE_PACK_PATH, 'utf8');

function issuesOf(text: string): string[] {
  try {
    loadRulePack(text, 'test.yaml');
  } catch (error) {
    if (error instanceof RulePackError) {
      return error.issues.map((issue) => issue.path);
    }
    throw error;
  }
  return [];
}

describe('loadRulePack', () => {
  it('loads the shipped VN pack and versions it by content', () => {
    const pack = loadRulePack(shipped, 'vn-default');

    expect(pack).toMatchObject({
      id: 'vn-default',
      version: '2026.11.1',
      jurisdiction: 'VN',
      holdThreshold: 100,
    });
    expect(pack.ruleSetVersion).toBe(`2026.11.1+sha256:${pack.contentHash.slice(0, 12)}`);
    expect(pack.hsIndex.lookup('845811').map((e) => e.code)).toEqual(['8458']);
    expect(pack.rules.size).toBe(22);
    expect(loadRulePack(`${shipped}\n# edited\n`, 'x').ruleSetVersion).not.toBe(pack.ruleSetVersion);
  });

  it.each([
    ['holdThreshold: 100', 'holdThreshold: -5', 'holdThreshold'],
    ['transitMaxHours: 72', 'transitMaxHours: soon', 'limits.transitMaxHours'],
    ["code: '8710',", "code: '871',", 'hsLists.military.entries[2].code'],
    [
      "category: MILITARY,\n          description: 'Tanks",
      "category: TANKS,\n          description: 'Tanks",
      'hsLists.military.entries[2].category',
    ],
    ["range: '8456-8466'", "range: '8466-8456'", 'hsLists.dualUse.entries[0].range'],
    ['regime: ALL_CARGO', 'regime: EVERYTHING', 'embargoes[0].regime'],
    ['HS_DUAL_USE: { score: 40 }', 'HS_DUAL_USE: { score: 40, colour: red }', 'rules.HS_DUAL_USE.colour'],
    [
      'ROUTE_ANOMALY: { score: 30, maxTransshipments: 2 }',
      'ROUTE_ANOMALY: { maxTransshipments: 99 }',
      'rules.ROUTE_ANOMALY.maxTransshipments',
    ],
    ['  - { code: KPNAM, note: Nampo }', '  - { code: nampo }', 'highRiskHubs[0]'],
    ['jurisdiction: VN', 'jurisdiction: VN\nextra: 1', '(root).extra'],
  ])('names the bad path when "%s" becomes "%s"', (from, to, path) => {
    expect(shipped.includes(from)).toBe(true);

    expect(issuesOf(shipped.replace(from, to))).toEqual([path]);
  });

  it('reports every problem at once', () => {
    const broken = shipped
      .replace('holdThreshold: 100', 'holdThreshold: 0')
      .replace('jurisdiction: VN', 'jurisdiction: Viet Nam');

    expect(issuesOf(broken)).toEqual(['jurisdiction', 'holdThreshold']);
  });

  it('rejects text that is not YAML', () => {
    expect(issuesOf('a: [1, 2')).toEqual(['(file)']);
  });
});
