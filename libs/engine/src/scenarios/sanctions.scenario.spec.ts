import { manifest, party, routeOf } from '../testing/manifest.factory';
import { InMemorySanctionsScreener } from '../testing/in-memory-sanctions.screener';
import { testWorld } from '../testing/test-context';

const unList = new InMemorySanctionsScreener([
  {
    entryReference: 'KPe.001',
    name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION',
    aliases: ['CHANGGWANG SINYONG CORPORATION', 'KOMID'],
  },
  { entryReference: 'KPe.074', name: 'CHON MA SAN', imoNumbers: ['8660313'] },
]);

describe('sanctions', () => {
  it("holds a consignment whose consignee is a listed entity's alias, misspelt", () => {
    const world = testWorld(unList);

    const { decisions } = world.applyManifest(
      manifest({
        parties: [
          party('SHIPPER', 'Minh Phu Seafood', 'VN'),
          party('CONSIGNEE', 'Changgwang Sinyoung Corp', 'CN'),
        ],
      }),
    );

    expect(decisions[0]).toMatchObject({ decision: 'HOLD', categories: ['SANCTIONS'] });
    expect(decisions[0]?.reasons[0]).toMatchObject({
      ruleId: 'PARTY_SANCTIONED',
      evidence: {
        entryReference: 'KPe.001',
        matchedName: 'CHANGGWANG SINYONG CORPORATION',
        role: 'CONSIGNEE',
      },
    });
  });

  it('holds a consignment carried by a listed vessel', () => {
    const world = testWorld(unList);

    const { decisions } = world.applyManifest(
      manifest({ route: { vesselVoyages: [{ imoNumber: '8660313', name: 'CHON MA SAN' }] } }),
    );

    expect(decisions[0]?.reasons.map((r) => r.ruleId)).toEqual(['VESSEL_SANCTIONED']);
    expect(decisions[0]?.reasons[0]?.evidence).toMatchObject({
      imoNumber: '8660313',
      entryReference: 'KPe.074',
    });
  });

  it('holds a vessel broadcasting a DPRK MMSI', () => {
    const world = testWorld(unList);
    const vessel = { ...routeOf().vesselVoyages[0], mmsi: '445123000' };

    const { decisions } = world.applyManifest(manifest({ route: { vesselVoyages: [vessel] } }));

    expect(decisions[0]?.reasons[0]).toMatchObject({
      ruleId: 'FLAG_STATE_RISK',
      evidence: { matchedBy: 'MMSI_PREFIX' },
    });
  });

  it('screens each party name once per list version, not on every movement', () => {
    const screener = new InMemorySanctionsScreener();
    const world = testWorld(screener);
    world.applyManifest(manifest());
    const calls = screener.screenNameCalls;

    world.applyManifest(manifest({ receivedAt: '2026-03-01T09:00:00.000Z' }));

    expect(calls).toBe(2);
    expect(screener.screenNameCalls).toBe(2);
  });

  it('screens a name named by two parties (consignee and notify) once', () => {
    const screener = new InMemorySanctionsScreener();
    const world = testWorld(screener);

    world.applyManifest(
      manifest({
        parties: [
          party('SHIPPER', 'Minh Phu Seafood Corporation', 'VN'),
          party('CONSIGNEE', 'Nichirei Foods Inc', 'JP'),
          party('NOTIFY', 'Nichirei Foods Inc'),
        ],
      }),
    );

    expect(screener.screenNameCalls).toBe(2);
  });
});
