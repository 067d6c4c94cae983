import { equipment, manifest, place } from '../testing/manifest.factory';
import { movement } from '../testing/movement.factory';
import { runRule } from '../testing/rule-input';
import { dwellExceededRule } from './dwell-exceeded.rule';
import { invalidEquipmentIdRule } from './invalid-equipment-id.rule';
import { routeAnomalyRule } from './route-anomaly.rule';
import { sealMismatchRule } from './seal-mismatch.rule';
import { transitOverdueRule } from './transit-overdue.rule';
import { unexpectedStuffingRule } from './unexpected-stuffing.rule';
import { weightDiscrepancyRule } from './weight-discrepancy.rule';

const seals = (...numbers: string[]) => numbers.map((number) => ({ number }));
const at = (hour: number) => new Date(Date.UTC(2026, 2, 5, hour)).toISOString();

describe('SEAL_MISMATCH', () => {
  it.each([
    ['same seal', [movement({ eventCode: 'DISC', at: at(1), seals: seals('SL-1001') })], 0],
    ['no seal reported', [movement({ eventCode: 'DISC', at: at(1) })], 0],
    ['changed seal', [movement({ eventCode: 'DISC', at: at(1), seals: seals('SL-2002') })], 1],
    [
      'reseal then matching',
      [
        movement({ eventCode: 'RSEA', at: at(1), seals: seals('SL-2002') }),
        movement({ eventCode: 'LOAD', at: at(2), seals: seals('SL-2002') }),
      ],
      0,
    ],
    [
      'inspection explains the change',
      [
        movement({ eventCode: 'INSP', at: at(1) }),
        movement({ eventCode: 'LOAD', at: at(2), seals: seals('SL-3003') }),
      ],
      0,
    ],
    [
      'change after the inspection was already explained once',
      [
        movement({ eventCode: 'INSP', at: at(1) }),
        movement({ eventCode: 'DISC', at: at(2), seals: seals('SL-3003') }),
        movement({ eventCode: 'LOAD', at: at(3), seals: seals('SL-4004') }),
      ],
      1,
    ],
    [
      'planned event ignored',
      [movement({ eventCode: 'DISC', at: at(1), classifier: 'EST', seals: seals('X') })],
      0,
    ],
  ])('%s: %i hold(s)', (_label, movements, count) => {
    expect(runRule(sealMismatchRule, { movements, stage: 'IMPORT' })).toHaveLength(count);
  });
});

describe('UNEXPECTED_STUFFING', () => {
  it.each([
    ['STUF', 'VNCMT', 1],
    ['STRP', 'VNCMT', 1],
    ['STUF', 'CNSHA', 0],
    ['GTIN', 'VNCMT', 0],
  ])('%s at %s: %i hold(s)', (eventCode, unLocode, count) => {
    const movements = [movement({ eventCode, unLocode, at: at(1) })];

    expect(runRule(unexpectedStuffingRule, { movements, stage: 'TRANSSHIPMENT' })).toHaveLength(count);
  });
});

describe('TRANSIT_OVERDUE and DWELL_EXCEEDED', () => {
  const entered = [movement({ eventCode: 'DISC', unLocode: 'VNHPH', at: '2026-03-05T00:00:00.000Z' })];
  it.each([
    ['71 h after entry', entered, '2026-03-07T23:00:00.000Z', 0, 0],
    ['72 h after entry', entered, '2026-03-08T00:00:00.000Z', 1, 0],
    ['8 days after entry', entered, '2026-03-13T00:00:00.000Z', 1, 1],
    [
      '8 days, but loaded on a barge',
      [
        ...entered,
        movement({
          eventCode: 'LOAD',
          unLocode: 'VNHPH',
          at: '2026-03-06T00:00:00.000Z',
          modeOfTransport: 'BARGE',
        }),
      ],
      '2026-03-13T00:00:00.000Z',
      0,
      0,
    ],
    [
      '8 days, but seen abroad',
      [...entered, movement({ eventCode: 'GTIN', unLocode: 'CNKMG', at: '2026-03-06T00:00:00.000Z' })],
      '2026-03-13T00:00:00.000Z',
      0,
      0,
    ],
  ])('%s: %i transit hold(s), %i dwell flag(s)', (_label, movements, now, transit, dwell) => {
    expect(runRule(transitOverdueRule, { movements, now, stage: 'TRANSIT' })).toHaveLength(transit);
    expect(runRule(dwellExceededRule, { movements, now, stage: 'TRANSSHIPMENT' })).toHaveLength(dwell);
  });
});

describe('ROUTE_ANOMALY', () => {
  const hop = (eventCode: string, unLocode: string, hour: number) =>
    movement({ eventCode, unLocode, at: at(hour) });
  it.each([
    ['direct', manifest(), [hop('DISC', 'VNCMT', 1), hop('LOAD', 'VNCMT', 2)], []],
    ['via Bandar Abbas', manifest({ route: { placeOfReceipt: place('IRBND') } }), [], ['HIGH_RISK_HUB']],
    [
      'backtracking',
      manifest(),
      [hop('LOAD', 'SGSIN', 1), hop('DISC', 'VNCMT', 2), hop('LOAD', 'SGSIN', 3)],
      ['BACKTRACKING'],
    ],
    [
      'round trip',
      manifest({ route: { portOfLoading: place('CNSHA'), portOfDischarge: place('CNNGB') } }),
      [],
      ['ROUND_TRIP'],
    ],
    [
      'three transshipments',
      manifest(),
      [
        hop('DISC', 'VNCMT', 1),
        hop('LOAD', 'VNCMT', 2),
        hop('DISC', 'VNHPH', 3),
        hop('LOAD', 'VNHPH', 4),
        hop('DISC', 'VNDAD', 5),
        hop('LOAD', 'VNDAD', 6),
      ],
      ['TOO_MANY_TRANSSHIPMENTS'],
    ],
  ])('%s', (_label, m, movements, kinds) => {
    const findings = runRule(routeAnomalyRule, { manifest: m, movements, stage: 'TRANSSHIPMENT' });

    expect(findings.flatMap((f) => (f.evidence.anomalies as { kind: string }[]).map((a) => a.kind))).toEqual(
      kinds,
    );
  });
});

describe('WEIGHT_DISCREPANCY and INVALID_EQUIPMENT_ID', () => {
  it.each([
    [20_500, 0],
    [23_800, 0],
    [30_000, 1],
    [12_000, 1],
  ])('observed %i kg against 20,000 kg declared (tare 3,800): %i flag(s)', (grossWeightKg, count) => {
    const movements = [movement({ eventCode: 'GTIN', at: at(1), grossWeightKg })];

    expect(runRule(weightDiscrepancyRule, { movements })).toHaveLength(count);
  });

  it.each([
    ['MSKU2666542', true, 0],
    ['MSKU2666543', true, 1],
    ['MSKU2666542', false, 1],
  ])('container %s (decoder says valid: %s): %i flag(s)', (reference, valid, count) => {
    const m = manifest({ equipment: [equipment({ reference, referenceCheckDigitValid: valid })] });

    expect(runRule(invalidEquipmentIdRule, { manifest: m })).toHaveLength(count);
  });
});
