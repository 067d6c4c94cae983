import { goodsItem, manifest, party, place, routeOf } from '../testing/manifest.factory';
import { runRule } from '../testing/rule-input';
import { consigneeChangedRule } from './consignee-changed.rule';
import { descriptionKeywordRule } from './description-keyword.rule';
import { destinationChangedRule } from './destination-changed.rule';
import { embargoDestinationRule } from './embargo-destination.rule';
import { flagStateRiskRule } from './flag-state-risk.rule';
import { forwarderConsigneeRule } from './forwarder-consignee.rule';
import { freeZoneDestinationRule } from './free-zone-destination.rule';
import { invalidVesselIdRule } from './invalid-vessel-id.rule';
import { vagueDescriptionRule } from './vague-description.rule';

const described = (description: string) => manifest({ goodsItems: [goodsItem({ description })] });

describe('DESCRIPTION_KEYWORD', () => {
  it.each([
    ['Gas centrifuges, spare rotors', ['gas centrifuge']],
    ['MARAGING STEEL BARS 350 grade', ['maraging steel']],
    ['Uranium Hexafluoride cylinders', ['uranium hexafluoride']],
    ['Solid rocket motors for research', ['rocket motor']],
    ['Fibre-optic gyroscopes and accelerometers', ['gyroscope', 'accelerometer']],
    ['Máy ly tâm centrifuge', ['centrifuge']],
    ['Frozen shrimps', []],
    ['Gyroscopic toys', []],
  ])('"%s" matches %j', (description, terms) => {
    const findings = runRule(descriptionKeywordRule, { manifest: described(description) });

    expect(
      findings.flatMap((f) => (f.evidence.matches as { keywords: string[] }[])[0]?.keywords ?? []),
    ).toEqual(terms);
  });
});

describe('VAGUE_DESCRIPTION', () => {
  it.each([
    ['PARTS', true],
    ['General cargo', true],
    ['FAK', true],
    ['STC 20 PALLETS MACHINERY', true],
    ['spare parts, 12 cartons', true],
    ['CNC lathe parts', false],
    ['Frozen shrimps, peeled', false],
    ['Cotton T-shirts', false],
  ])('"%s" is vague: %s', (description, vague) => {
    expect(runRule(vagueDescriptionRule, { manifest: described(description) })).toHaveLength(vague ? 1 : 0);
  });
});

describe('FLAG_STATE_RISK and INVALID_VESSEL_ID', () => {
  const withVessel = (vessel: Record<string, string>) => manifest({ route: { vesselVoyages: [vessel] } });
  it.each([
    [{ imoNumber: '9321483', flag: 'KP' }, 1, 0],
    [{ imoNumber: '9321483', mmsi: '445001000' }, 1, 0],
    [{ imoNumber: '9321483', flag: 'PA', mmsi: '357001000' }, 0, 0],
    [{ imoNumber: '9321484', flag: 'PA' }, 0, 1],
  ])('vessel %j: %i flag-state hold(s), %i invalid-id flag(s)', (vessel, holds, flags) => {
    expect(runRule(flagStateRiskRule, { manifest: withVessel(vessel) })).toHaveLength(holds);
    expect(runRule(invalidVesselIdRule, { manifest: withVessel(vessel) })).toHaveLength(flags);
  });
});

describe('EMBARGO_DESTINATION', () => {
  const lathe = goodsItem({ hsCodes: ['845811'], description: 'lathe' });
  it.each([
    ['to Nampo, shrimps', place('KPNAM'), [], 1],
    ['to Tripoli, shrimps', place('LYTIP'), [], 0],
    ['to Tripoli, lathes', place('LYTIP'), [lathe], 1],
    ['to Tokyo, lathes', place('JPTYO'), [lathe], 0],
  ])('%s', (_label, portOfDischarge, goods, count) => {
    const m = manifest({ route: { portOfDischarge }, ...(goods.length > 0 ? { goodsItems: goods } : {}) });

    expect(runRule(embargoDestinationRule, { manifest: m })).toHaveLength(count);
  });

  it('looks at the consignee country too', () => {
    const m = manifest({ parties: [party('CONSIGNEE', 'Some Importer', 'KP')] });

    expect(runRule(embargoDestinationRule, { manifest: m })[0]?.evidence).toMatchObject({ via: 'CONSIGNEE' });
  });
});

describe('DESTINATION_CHANGED and CONSIGNEE_CHANGED', () => {
  const first = manifest({ route: { placeOfDelivery: place('MYPKG') } });
  it.each([
    ['same destination', manifest({ route: { placeOfDelivery: place('MYPKG') } }), null],
    ['new destination, ordinary goods', manifest({ route: { placeOfDelivery: place('THBKK') } }), 'FLAG'],
    [
      'new destination, controlled goods',
      manifest({
        route: { placeOfDelivery: place('THBKK') },
        goodsItems: [goodsItem({ hsCodes: ['930190'] })],
      }),
      'HOLD',
    ],
  ])('%s', (_label, current, outcome) => {
    const findings = runRule(destinationChangedRule, {
      manifest: current,
      firstManifest: first,
      stage: 'TRANSSHIPMENT',
    });

    expect(findings[0]?.outcome ?? null).toBe(outcome);
  });

  it.each([
    ['Nichirei Foods Inc', 0],
    ['NICHIREI FOODS, INC.', 0],
    ['Pyongyang Trading Co', 1],
  ])('consignee "%s" gives %i flag(s)', (name, count) => {
    const current = manifest({ parties: [party('CONSIGNEE', name, 'JP')] });

    expect(
      runRule(consigneeChangedRule, { manifest: current, firstManifest: manifest(), stage: 'TRANSIT' }),
    ).toHaveLength(count);
  });
});

describe('FORWARDER_CONSIGNEE and FREE_ZONE_DESTINATION', () => {
  it.each([
    [[party('CONSIGNEE', 'Saigon Freight Logistics JSC')], 1],
    [[party('CONSIGNEE', 'Golden Star Trading House')], 1],
    [[party('CONSIGNEE', 'Golden Star Trading House'), party('ENDUSER', 'Toyota Motor Corp')], 0],
    [[party('CONSIGNEE', 'Toyota Motor Corp')], 0],
  ])('parties %j give %i flag(s)', (parties, count) => {
    expect(runRule(forwarderConsigneeRule, { manifest: manifest({ parties }) })).toHaveLength(count);
  });

  it.each([
    [place('AEJEA'), 1],
    [place('AEDXB', 'Dubai Airport Free Zone'), 1],
    [place('JPTYO'), 0],
  ])('delivery %j gives %i flag(s)', (placeOfDelivery, count) => {
    const m = manifest({ route: { ...routeOf(), placeOfDelivery } });

    expect(runRule(freeZoneDestinationRule, { manifest: m })).toHaveLength(count);
  });
});
