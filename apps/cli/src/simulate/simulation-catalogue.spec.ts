import { isValidImoNumber } from '@chokepoint/ingest-decoding';
import { defaultReferenceData } from '@chokepoint/reference-data';
import { containerNumber, imoNumber, spoofedImoNumber, withWrongCheckDigit } from './equipment-identifiers';
import { isValidIso6346 } from '@chokepoint/ingest-decoding';
import { CARRIERS } from './reference/carriers';
import { GOODS_MIX } from './reference/goods-mix';
import { EMBARGO_DESTINATION_PORTS, JURISDICTION_PORTS, PARTNER_PORTS } from './reference/port-profiles';
import type { SimulationCatalogue } from './simulation-catalogue';
import { loadSimulationCatalogue } from './simulation-catalogue.loader';

const reference = defaultReferenceData();

describe('simulation reference data', () => {
  let catalogue: SimulationCatalogue;

  beforeAll(async () => {
    catalogue = await loadSimulationCatalogue();
  });

  const places = [
    ...Object.values(JURISDICTION_PORTS).flatMap((ports) =>
      ports.flatMap((port) => [
        port.code,
        ...port.hinterland.map((h) => h.code),
        ...port.transit.flatMap((t) => [t.destination.code, ...(t.border ? [t.border.code] : [])]),
      ]),
    ),
    ...PARTNER_PORTS.map((p) => p.code),
    ...Object.values(EMBARGO_DESTINATION_PORTS).map((p) => p.code),
  ];
  it.each([...new Set(places)])('UN/LOCODE %s exists in the reference data', (code) => {
    expect(reference.unLocodes.has(code)).toBe(true);
  });

  it.each(GOODS_MIX.map((g) => g.hsCode))('HS %s is an HS 2022 subheading', (hsCode) => {
    expect(reference.hsNomenclature.has(hsCode)).toBe(true);
  });

  it('keeps every curated goods line clean under the default rule pack', () => {
    expect(catalogue.cleanGoods).toHaveLength(GOODS_MIX.length);
  });

  it('keeps partner ports off the pack lists and names the pack border crossings for VN transits', () => {
    const pack = catalogue.pack;
    expect(
      catalogue.partnerPorts.filter((p) => pack.highRiskHubs.has(p.code) || pack.freeZones.has(p.code)),
    ).toEqual([]);
    const borders = (JURISDICTION_PORTS.VN ?? []).flatMap((p) =>
      p.transit.flatMap((t) => (t.border ? [t.border.code] : [])),
    );
    expect(borders.filter((code) => !pack.borderCrossings.has(code))).toEqual([]);
  });

  it('draws risks from the rule pack and the UN list', () => {
    const risk = catalogue.risk;
    expect(risk.controlledGoods.military.length).toBeGreaterThan(0);
    expect(risk.controlledGoods.nuclear.length).toBeGreaterThan(0);
    expect(risk.controlledGoods.dualUse.length).toBeGreaterThan(0);
    expect(risk.sanctionedVessels.map((v) => v.imoNumber).sort()).toEqual(['1790183', '5342883', '5434358']);
    expect(risk.sanctionedParties.length).toBeGreaterThan(20);
    expect(risk.riskyFlagStates).toContain('KP');
  });

  it('gives real IMO numbers for the shipped vessels and names carrier agents no list catches', () => {
    expect(catalogue.vessels.filter((v) => !isValidImoNumber(v.imoNumber))).toEqual([]);
    const caught = CARRIERS.flatMap((c) =>
      catalogue.sanctions.screenName(c.agent).filter((hit) => hit.score >= catalogue.pack.sanctionsMinScore),
    );
    expect(caught).toEqual([]);
  });
});

describe('equipment identifiers', () => {
  it.each([
    ['MSKU', '266654', 'MSKU2666542'],
    ['CSQU', '305438', 'CSQU3054383'],
  ])('computes the ISO 6346 check digit of %s%s', (owner, serial, expected) => {
    expect(containerNumber(owner, serial)).toBe(expected);
  });

  it('spoils a check digit on purpose', () => {
    expect(isValidIso6346(withWrongCheckDigit('MSKU2666542'))).toBe(false);
  });

  it.each(['9332975', '9244661', '7617905'])(
    'spoofs IMO %s into a number that fails its check digit',
    (imo) => {
      expect(isValidImoNumber(imo)).toBe(true);
      expect(isValidImoNumber(spoofedImoNumber(imo))).toBe(false);
      expect(isValidImoNumber(imoNumber(imo.slice(0, 6)))).toBe(true);
    },
  );
});
