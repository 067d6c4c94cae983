import { goodsItem, licence, manifest, party, place } from '../testing/manifest.factory';
import { testWorld } from '../testing/test-context';

const rifles = goodsItem({ hsCodes: ['930190'], description: 'Sporting guns, bolt action, in cases' });
const uranium = goodsItem({
  hsCodes: ['284410'],
  description: 'Natural uranium oxide (yellowcake) in drums',
});

describe('strategic goods', () => {
  it('holds military goods exported without a licence', () => {
    const world = testWorld();

    const { decisions } = world.applyManifest(manifest({ goodsItems: [rifles] }));

    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ decision: 'HOLD', stage: 'EXPORT', categories: ['MILITARY'] });
    expect(decisions[0]?.reasons.map((r) => r.ruleId)).toEqual(['HS_MILITARY', 'LICENCE_MISSING']);
    expect(decisions[0]?.reasons[0]?.message).toContain('930190');
  });

  it('releases the same goods with a valid export licence', () => {
    const world = testWorld();

    const { decisions } = world.applyManifest(manifest({ goodsItems: [rifles], licences: [licence()] }));

    expect(decisions[0]).toMatchObject({ decision: 'RELEASE', reasons: [] });
  });

  it.each([
    ['expired', { expiryDate: '2026-02-28' }, 'EXPIRED'],
    ['not yet valid', { issueDate: '2026-04-01' }, 'NOT_YET_VALID'],
    ['without reference', { reference: '' }, 'NO_REFERENCE'],
    ['an import licence on an export', { kind: 'IMPORT' as const }, 'MISSING'],
  ])('holds them with a licence %s at event time', (_label, override, status) => {
    const world = testWorld();

    const { decisions } = world.applyManifest(
      manifest({ goodsItems: [rifles], licences: [licence(override)] }),
    );

    expect(decisions[0]?.decision).toBe('HOLD');
    expect(decisions[0]?.reasons.find((r) => r.ruleId === 'LICENCE_MISSING')?.evidence.licenceStatus).toBe(
      status,
    );
  });

  it('holds nuclear material on import and needs two different officers to release it', () => {
    const world = testWorld();
    const importManifest = manifest({
      goodsItems: [uranium],
      parties: [party('SHIPPER', 'Kazatomprom JSC', 'KZ'), party('CONSIGNEE', 'Vinatom Institute', 'VN')],
      route: { portOfLoading: place('CNSHA'), portOfDischarge: place('VNHPH') },
    });

    const held = world.applyManifest(importManifest).decisions;
    const first = world.applyOfficerDecision('MAEU123456789', {
      actionId: 'act-1',
      officerId: 'officer-a',
      action: 'RELEASE',
      at: '2026-03-01T09:00:00.000Z',
    });
    const again = world.applyOfficerDecision('MAEU123456789', {
      actionId: 'act-2',
      officerId: 'officer-a',
      action: 'RELEASE',
      at: '2026-03-01T09:05:00.000Z',
    });
    const second = world.applyOfficerDecision('MAEU123456789', {
      actionId: 'act-3',
      officerId: 'officer-b',
      action: 'RELEASE',
      at: '2026-03-01T09:10:00.000Z',
    });

    expect(held[0]).toMatchObject({ decision: 'HOLD', stage: 'IMPORT' });
    expect(held[0]?.categories).toContain('NUCLEAR');
    expect(held[0]?.reasons.map((r) => r.ruleId)).toEqual([
      'HS_NUCLEAR',
      'LICENCE_MISSING',
      'DESCRIPTION_KEYWORD',
    ]);
    expect(first).toMatchObject({ officerStatus: 'AWAITING_SECOND_OFFICER', decisions: [] });
    expect(again).toMatchObject({ officerStatus: 'SAME_OFFICER_AGAIN', decisions: [] });
    expect(second.officerStatus).toBe('RELEASED');
    expect(second.decisions[0]).toMatchObject({
      decision: 'RELEASE',
      source: 'OFFICER',
      sequence: 2,
      supersedes: held[0]?.decisionId,
      triggeredBy: { type: 'OFFICER', eventId: 'act-3' },
      decidedAt: '2026-03-01T09:10:00.000Z',
    });
  });

  it('lets one officer release a hold that is only military', () => {
    const world = testWorld();
    world.applyManifest(manifest({ goodsItems: [rifles] }));

    const released = world.applyOfficerDecision('MAEU123456789', {
      actionId: 'act-1',
      officerId: 'officer-a',
      action: 'RELEASE',
      at: '2026-03-01T09:00:00.000Z',
    });

    expect(released.decisions[0]).toMatchObject({ decision: 'RELEASE', source: 'OFFICER', sequence: 2 });
  });

  it('holds cargo for the DPRK whatever it is', () => {
    const world = testWorld();

    const { decisions } = world.applyManifest(
      manifest({
        route: { portOfDischarge: place('KPNAM', 'Nampo') },
        parties: [party('CONSIGNEE', 'Korea Food Co', 'KP')],
      }),
    );

    expect(decisions[0]).toMatchObject({ decision: 'HOLD', categories: ['EMBARGO'] });
    expect(decisions[0]?.reasons[0]).toMatchObject({
      ruleId: 'EMBARGO_DESTINATION',
      outcome: 'HOLD',
      evidence: { country: 'KP', regime: 'ALL_CARGO' },
    });
  });

  it('releases ordinary goods for an arms-embargoed country but holds machine tools for it', () => {
    const toLibya = { route: { portOfDischarge: place('LYTIP', 'Tripoli') } };
    const lathe = goodsItem({ hsCodes: ['845811'], description: 'CNC horizontal lathe' });

    const shrimp = testWorld().applyManifest(manifest(toLibya)).decisions[0];
    const tools = testWorld().applyManifest(manifest({ ...toLibya, goodsItems: [lathe] })).decisions[0];

    expect(shrimp?.decision).toBe('RELEASE');
    expect(tools?.reasons.map((r) => r.ruleId)).toContain('EMBARGO_DESTINATION');
  });
});
