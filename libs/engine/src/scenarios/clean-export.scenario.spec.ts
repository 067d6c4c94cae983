import { manifest } from '../testing/manifest.factory';
import { movement } from '../testing/movement.factory';
import { testWorld } from '../testing/test-context';

describe('a clean export', () => {
  it('is released on its manifest and stays released when loaded', () => {
    const world = testWorld();

    const onManifest = world.applyManifest(manifest());
    const onLoad = world.applyMovement(movement({ eventCode: 'LOAD', at: '2026-03-02T10:00:00.000Z' }));

    expect(onManifest.decisions).toHaveLength(1);
    const [decision] = onManifest.decisions;
    expect(decision).toMatchObject({
      consignmentId: 'MAEU123456789',
      sequence: 1,
      decision: 'RELEASE',
      stage: 'EXPORT',
      source: 'RULES',
      decidedAt: '2026-03-01T08:00:00.000Z',
      jurisdiction: 'VN',
      score: 0,
      categories: [],
      reasons: [],
      equipmentReferences: ['MSKU2666542'],
      listVersions: { 'un-sc-consolidated': '2018-10-29' },
      triggeredBy: { type: 'MANIFEST', eventId: 'MAEU123456789@2026-03-01T08:00:00.000Z' },
      supersedes: null,
    });
    expect(decision?.ruleSetVersion).toMatch(/^2026\.11\.1\+sha256:[0-9a-f]{12}$/);
    expect(decision?.decisionId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(onLoad.decisions).toEqual([]);
  });
});
