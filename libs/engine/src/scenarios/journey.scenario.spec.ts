import { goodsItem, manifest, place } from '../testing/manifest.factory';
import { movement } from '../testing/movement.factory';
import { InMemorySanctionsScreener } from '../testing/in-memory-sanctions.screener';
import { defaultRulePack, testWorld } from '../testing/test-context';
import { ScreeningWorld, type WorldSnapshot } from '../world/screening-world';

/** Shanghai to Los Angeles, transshipped at Cai Mep: the B/L never names a place in Viet Nam. */
const viaCaiMep = manifest({
  route: { portOfLoading: place('CNSHA'), portOfDischarge: place('USLAX') },
  parties: [],
});
const discharged = movement({
  eventCode: 'DISC',
  unLocode: 'VNCMT',
  at: '2026-03-05T02:00:00.000Z',
  movementType: 'TRANSSHIPMENT',
  seals: [{ number: 'SL-1001' }],
});

describe('transshipment at a hub', () => {
  it('is out of scope until the box is discharged in Viet Nam, then released', () => {
    const world = testWorld();

    const onManifest = world.applyManifest(viaCaiMep);
    const onDischarge = world.applyMovement(discharged);

    expect(onManifest.decisions).toEqual([]);
    expect(onDischarge.decisions[0]).toMatchObject({
      decision: 'RELEASE',
      stage: 'TRANSSHIPMENT',
      sequence: 1,
    });
    expect(onDischarge.timersSet).toEqual([
      expect.objectContaining({ ruleId: 'DWELL_EXCEEDED', dueAt: '2026-03-12T02:00:00.000Z' }),
    ]);
  });

  it('is held when a seal changes without inspection', () => {
    const world = testWorld();
    world.applyManifest(viaCaiMep);
    const first = world.applyMovement(discharged).decisions[0];

    const { decisions, timersCancelled } = world.applyMovement(
      movement({
        eventCode: 'LOAD',
        unLocode: 'VNCMT',
        at: '2026-03-06T02:00:00.000Z',
        seals: [{ number: 'SL-2002' }],
      }),
    );

    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      decision: 'HOLD',
      sequence: 2,
      supersedes: first?.decisionId,
      categories: ['INTEGRITY'],
      reasons: [
        {
          ruleId: 'SEAL_MISMATCH',
          outcome: 'HOLD',
          score: 0,
          message: 'seal on MSKU2666542 changed from SL-1001 to SL-2002 at VNCMT without inspection',
          evidence: { equipmentReference: 'MSKU2666542', expected: ['SL-1001'], observed: ['SL-2002'] },
        },
      ],
    });
    expect(timersCancelled).toEqual(['MAEU123456789:DWELL_EXCEEDED:MSKU2666542']);
  });

  it.each(['INSP', 'RMVD'])('accepts a new seal after an %s event', (eventCode) => {
    const world = testWorld();
    world.applyManifest(viaCaiMep);
    world.applyMovement(discharged);
    world.applyMovement(movement({ eventCode, unLocode: 'VNCMT', at: '2026-03-05T10:00:00.000Z' }));

    const { decisions } = world.applyMovement(
      movement({
        eventCode: 'LOAD',
        unLocode: 'VNCMT',
        at: '2026-03-06T02:00:00.000Z',
        seals: [{ number: 'SL-2002' }],
      }),
    );

    expect(decisions).toEqual([]);
  });

  it('is held when the box is stuffed at the hub', () => {
    const world = testWorld();
    world.applyManifest(viaCaiMep);
    world.applyMovement(discharged);

    const { decisions } = world.applyMovement(
      movement({ eventCode: 'STUF', unLocode: 'VNCMT', at: '2026-03-05T12:00:00.000Z' }),
    );

    expect(decisions[0]?.reasons.map((r) => r.ruleId)).toEqual(['UNEXPECTED_STUFFING']);
  });

  it('flags a box that sits at the hub past the dwell limit when its timer fires', () => {
    const world = testWorld();
    world.applyManifest(viaCaiMep);
    world.applyMovement(discharged);

    const { decisions } = world.advanceTo('2026-03-20T00:00:00.000Z');

    // A flag of 40 stays below the threshold of 100: no new decision, the release stands.
    expect(decisions).toEqual([]);
    expect(world.stats().armedTimers).toBe(0);
  });

  it('is held when an amendment sends it to an embargoed country', () => {
    const world = testWorld();
    world.applyManifest(viaCaiMep);
    world.applyMovement(discharged);

    const { decisions } = world.applyManifest(
      manifest({
        receivedAt: '2026-03-05T06:00:00.000Z',
        route: {
          portOfLoading: place('CNSHA'),
          portOfDischarge: place('USLAX'),
          placeOfDelivery: place('KPNAM'),
        },
        parties: [],
      }),
    );

    expect(decisions[0]).toMatchObject({ decision: 'HOLD', sequence: 2, triggeredBy: { type: 'MANIFEST' } });
    expect(decisions[0]?.reasons.map((r) => [r.ruleId, r.outcome])).toEqual([
      ['EMBARGO_DESTINATION', 'HOLD'],
      ['DESTINATION_CHANGED', 'FLAG'],
      ['ROUTE_ANOMALY', 'FLAG'],
    ]);
    expect(decisions[0]?.reasons[1]?.evidence).toMatchObject({
      from: { country: 'US' },
      to: { country: 'KP' },
    });
  });

  it('becomes an import, and is re-screened as one, when the destination becomes domestic', () => {
    const world = testWorld();
    world.applyManifest(
      manifest({
        route: {
          portOfLoading: place('CNSHA'),
          portOfDischarge: place('VNCMT'),
          placeOfDelivery: place('MYPKG'),
        },
      }),
    );

    world.applyManifest(
      manifest({
        receivedAt: '2026-03-02T00:00:00.000Z',
        route: {
          portOfLoading: place('CNSHA'),
          portOfDischarge: place('VNCMT'),
          placeOfDelivery: place('VNSGN'),
        },
      }),
    );

    expect(world.getConsignment('MAEU123456789')?.stage).toBe('IMPORT');
  });
});

describe('transit by land', () => {
  /** Hai Phong to Kunming by rail through Lao Cai. */
  const toKunming = manifest({
    route: {
      portOfLoading: place('SGSIN'),
      portOfDischarge: place('VNHPH'),
      placeOfDelivery: place('CNKMG'),
      onCarriageBy: 'RAIL',
    },
  });
  const arrival = movement({ eventCode: 'DISC', at: '2026-03-03T00:00:00.000Z' });

  it('is held when it never leaves before its time runs out', () => {
    const world = testWorld();
    const released = world.applyManifest(toKunming).decisions[0];
    const armed = world.applyMovement(arrival);

    const fired = world.advanceTo('2026-03-10T00:00:00.000Z');

    expect(released).toMatchObject({ decision: 'RELEASE', stage: 'TRANSIT' });
    expect(armed.timersSet).toEqual([
      {
        timerId: 'MAEU123456789:TRANSIT_OVERDUE',
        consignmentId: 'MAEU123456789',
        ruleId: 'TRANSIT_OVERDUE',
        dueAt: '2026-03-06T00:00:00.000Z',
      },
    ]);
    expect(fired.decisions[0]).toMatchObject({
      decision: 'HOLD',
      decidedAt: '2026-03-06T00:00:00.000Z',
      triggeredBy: { type: 'TIMER', eventId: 'MAEU123456789:TRANSIT_OVERDUE@2026-03-06T00:00:00.000Z' },
      reasons: [{ ruleId: 'TRANSIT_OVERDUE', evidence: { elapsedHours: 72, limitHours: 72 } }],
    });
  });

  it('stops its timer when it gates out at the border', () => {
    const world = testWorld();
    world.applyManifest(toKunming);
    world.applyMovement(arrival);

    const exit = world.applyMovement(
      movement({ eventCode: 'GTOT', unLocode: 'VNLCA', at: '2026-03-04T00:00:00.000Z' }),
    );
    const later = world.advanceTo('2026-03-10T00:00:00.000Z');

    expect(exit.timersCancelled).toEqual(['MAEU123456789:TRANSIT_OVERDUE']);
    expect(later.decisions).toEqual([]);
  });
});

describe('consignments that never touch Viet Nam', () => {
  it('get no decision, even when the vessel calls at a Vietnamese port with the box on board', () => {
    const world = testWorld();
    world.applyManifest(
      manifest({ route: { portOfLoading: place('CNSHA'), portOfDischarge: place('USLAX') } }),
    );

    const call = world.applyMovement(
      movement({
        eventKind: 'TRANSPORT',
        eventCode: 'ARRI',
        unLocode: 'VNCMT',
        at: '2026-03-05T00:00:00.000Z',
      }),
    );
    const abroad = world.applyMovement(
      movement({ eventCode: 'DISC', unLocode: 'USLAX', at: '2026-03-20T00:00:00.000Z' }),
    );

    expect(call.decisions).toEqual([]);
    expect(abroad.decisions).toEqual([]);
    expect(world.stats()).toMatchObject({ consignments: 1, outOfScope: 1, inScope: 0 });
  });
});

describe('joining movements', () => {
  it('keeps a movement that arrives before its manifest and applies it when the manifest arrives', () => {
    const world = testWorld();
    const early = world.applyMovement({ ...discharged, seals: [{ number: 'SL-9999' }] });

    const { decisions } = world.applyManifest(viaCaiMep);

    expect(early.join).toEqual({ kind: 'PENDING', keys: ['TRD:MAEU123456789'] });
    expect(decisions[0]).toMatchObject({
      decision: 'HOLD',
      stage: 'TRANSSHIPMENT',
      sequence: 1,
      triggeredBy: { type: 'MANIFEST' },
      reasons: [{ ruleId: 'SEAL_MISMATCH' }],
    });
    expect(world.stats().pendingMovements).toBe(0);
  });

  it.each([
    ['booking reference', { documentReferences: [{ type: 'BKG', value: 'BKG-778899' }] }, 'BKG'],
    ['container alone', { documentReferences: [] }, 'EQUIPMENT'],
  ])('joins by %s when no transport document is named', (_label, override, by) => {
    const world = testWorld();
    world.applyManifest(viaCaiMep);

    const output = world.applyMovement({ ...discharged, ...override });

    expect(output.join).toEqual({ kind: 'JOINED', by, consignmentIds: ['MAEU123456789'] });
    expect(output.decisions[0]?.stage).toBe('TRANSSHIPMENT');
  });

  it('replaces a duplicated movement and withdraws a retracted one', () => {
    const world = testWorld();
    world.applyManifest(viaCaiMep);
    world.applyMovement(discharged);
    const stuffing = movement({ eventCode: 'STUF', unLocode: 'VNCMT', at: '2026-03-05T12:00:00.000Z' });

    world.applyMovement({ ...stuffing, action: 'RETRACT' });
    world.applyMovement({ ...stuffing, eventCode: 'GTIN' });
    const duplicate = world.applyMovement({ ...stuffing, eventCode: 'GTIN' });

    expect(duplicate.decisions).toEqual([]);
    expect(world.getConsignment('MAEU123456789')?.movements.map((m) => m.eventCode)).toEqual([
      'DISC',
      'GTIN',
    ]);
  });
});

describe('replay', () => {
  it('gives the same decisions for the same input', () => {
    const run = (): unknown[] => {
      const world = testWorld();
      return [
        world.applyManifest(
          manifest({ goodsItems: [goodsItem({ hsCodes: ['930190'], description: 'guns' })] }),
        ),
        world.applyManifest(viaCaiMep),
        world.applyMovement(discharged),
        world.advanceTo('2026-04-01T00:00:00.000Z'),
      ].flatMap((output) => output.decisions);
    };

    const first = run();
    const second = run();

    expect(first.length).toBeGreaterThan(0);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('restores a world from its JSON snapshot and carries on identically', () => {
    const sanctions = new InMemorySanctionsScreener();
    const original = testWorld(sanctions);
    original.applyManifest(viaCaiMep);
    original.applyMovement(discharged);
    const snapshot = JSON.parse(JSON.stringify(original.snapshot())) as WorldSnapshot;
    const restored = new ScreeningWorld(
      { jurisdiction: 'VN', rulePack: defaultRulePack(), sanctions },
      snapshot,
    );
    const stuffing = movement({ eventCode: 'STUF', unLocode: 'VNCMT', at: '2026-03-05T12:00:00.000Z' });

    expect(JSON.stringify(restored.applyMovement(stuffing))).toBe(
      JSON.stringify(original.applyMovement(stuffing)),
    );
  });
});
