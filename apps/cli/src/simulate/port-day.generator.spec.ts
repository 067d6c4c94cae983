import { RULE_IDS, Topics, type RuleId } from '@chokepoint/contracts';
import { decodeRecord, isValidIso6346 } from '@chokepoint/ingest-decoding';
import { generatePortDay, type PortDay, type PortDayOptions } from './port-day.generator';
import { UNPLANTABLE_REASON_CODES } from './risk-scenarios';
import type { SimulationCatalogue } from './simulation-catalogue';
import { loadSimulationCatalogue } from './simulation-catalogue.loader';

const START = Date.parse('2026-03-04T00:00:00Z');
const options = (overrides: Partial<PortDayOptions> = {}): PortDayOptions => ({
  seed: 42,
  startMs: START,
  durationHours: 24,
  consignments: 260,
  riskRate: 0.25,
  ...overrides,
});

describe('generatePortDay', () => {
  let catalogue: SimulationCatalogue;
  let day: PortDay;

  beforeAll(async () => {
    catalogue = await loadSimulationCatalogue();
    day = generatePortDay(options(), catalogue);
  });

  it('gives byte-identical records and ground truth for the same seed', () => {
    const again = generatePortDay(options(), catalogue);
    expect(JSON.stringify(again.records)).toBe(JSON.stringify(day.records));
    expect(JSON.stringify(again.groundTruth)).toBe(JSON.stringify(day.groundTruth));
  });

  it('gives a different day for another seed', () => {
    const other = generatePortDay(options({ seed: 43 }), catalogue);
    expect(other.groundTruth.map((g) => g.consignmentId)).not.toEqual(
      day.groundTruth.map((g) => g.consignmentId),
    );
  });

  it('plants every reason code the DCSA formats can carry, each where its scenario put it', () => {
    const plantable = RULE_IDS.filter((code) => UNPLANTABLE_REASON_CODES[code] === undefined);
    const risky = day.groundTruth.filter((g) => g.scenario === 'RISK');
    const primaries = new Set(risky.map((g) => g.primaryReasonCode));
    const planted = new Set(risky.flatMap((g) => g.plantedReasonCodes));
    expect(plantable.filter((code) => !primaries.has(code))).toEqual([]);
    expect(plantable.filter((code) => !planted.has(code))).toEqual([]);
    expect(
      risky.filter(
        (g) => g.primaryReasonCode !== null && !g.plantedReasonCodes.includes(g.primaryReasonCode),
      ),
    ).toEqual([]);
  });

  it('plants at the requested rate and keeps clean traffic below the hold threshold', () => {
    expect(day.groundTruth.filter((g) => g.scenario === 'RISK')).toHaveLength(Math.round(260 * 0.25));
    const clean = day.groundTruth.filter((g) => g.scenario === 'CLEAN');
    expect(clean.filter((g) => g.expectedOutcome !== 'RELEASE')).toEqual([]);
    expect(
      day.groundTruth.filter((g) => g.scenario === 'OUT_OF_SCOPE').every((g) => g.expectedOutcome === 'NONE'),
    ).toBe(true);
  });

  it('gives every container a valid ISO 6346 number unless INVALID_EQUIPMENT_ID was planted on it', () => {
    const invalidPlanted = new Set(
      day.groundTruth
        .filter((g) => g.plantedReasonCodes.includes('INVALID_EQUIPMENT_ID'))
        .map((g) => g.consignmentId),
    );
    const badByConsignment = new Map<string, string[]>();
    for (const record of day.records.filter((r) => r.topic === Topics.portManifests)) {
      const document = record.value as {
        transportDocumentReference: string;
        utilizedTransportEquipments: { equipment: { equipmentReference: string } }[];
      };
      const bad = document.utilizedTransportEquipments
        .map((u) => u.equipment.equipmentReference)
        .filter((reference) => !isValidIso6346(reference));
      badByConsignment.set(document.transportDocumentReference, bad);
    }
    for (const [consignmentId, bad] of badByConsignment) {
      expect({ consignmentId, bad: bad.length }).toEqual({
        consignmentId,
        bad: invalidPlanted.has(consignmentId) ? 1 : 0,
      });
    }
  });

  it('writes every record so that decodeRecord accepts it', () => {
    const rejected = day.records.flatMap((record) => {
      const result = decodeRecord({
        topic: record.topic,
        key: record.key,
        headers: record.headers,
        timestamp: record.timestamp,
        value: Buffer.from(JSON.stringify(record.value)),
      });
      return result.rejections.length > 0 ? [{ key: record.key, rejections: result.rejections }] : [];
    });
    expect(rejected).toEqual([]);
  });

  it('orders records by the simulated clock and starts no earlier than the day', () => {
    const times = day.records.map((r) => Date.parse(r.timestamp));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(START);
  });

  it('uses the pinned topics, keys and DCSA content types', () => {
    for (const record of day.records) {
      if (record.topic === Topics.portManifests) {
        expect(record.headers['content-type']).toBe('application/vnd.dcsa.ebl+json;version=3.0.0');
        expect(record.key).toBe(
          (record.value as { transportDocumentReference: string }).transportDocumentReference,
        );
      } else {
        expect(record.topic).toBe(Topics.portMovements);
        expect(record.headers['content-type']).toBe('application/vnd.dcsa.tnt+json;version=3.0.0');
      }
    }
  });

  it('follows the per-code weights', () => {
    const weighted = generatePortDay(
      options({ consignments: 200, riskRate: 0.25, riskWeights: { HS_NUCLEAR: 3, SEAL_MISMATCH: 0 } }),
      catalogue,
    );
    const primaries = (code: RuleId): number =>
      weighted.groundTruth.filter((g) => g.primaryReasonCode === code).length;
    expect(primaries('SEAL_MISMATCH')).toBe(0);
    expect(primaries('HS_NUCLEAR')).toBeGreaterThanOrEqual(2 * primaries('HS_MILITARY'));
  });
});
