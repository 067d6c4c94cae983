import type { Stage } from '@chokepoint/contracts';
import { type CargoMilestoneInput, slaDeadline } from './sla-deadline';

type Move = CargoMilestoneInput['movements'][number];

function move(eventCode: string, classifier: 'PLN' | 'EST' | 'ACT', at: string, unLocode = 'VNSGN'): Move {
  return { eventCode, classifier, eventDateTime: at, location: { unLocode } };
}

function input(
  stage: Stage,
  movements: Move[],
  ports: Partial<CargoMilestoneInput> = {},
): CargoMilestoneInput {
  return {
    stage,
    jurisdiction: 'VN',
    portOfLoading: ports.portOfLoading ?? null,
    portOfDischarge: ports.portOfDischarge ?? null,
    movements,
  };
}

const HELD_AT = new Date('2026-03-04T10:00:00Z');

describe('slaDeadline', () => {
  it.each([
    [
      'transshipment: onward departure planned after the discharge',
      input('TRANSSHIPMENT', [
        move('DISC', 'ACT', '2026-03-04T08:00:00Z'),
        move('DEPA', 'PLN', '2026-03-05T18:00:00Z'),
      ]),
      '2026-03-05T18:00:00.000Z',
      'ONWARD_DEPARTURE',
    ],
    [
      'transshipment: an estimate beats the plan',
      input('TRANSSHIPMENT', [
        move('DISC', 'ACT', '2026-03-04T08:00:00Z'),
        move('DEPA', 'PLN', '2026-03-05T18:00:00Z'),
        move('DEPA', 'EST', '2026-03-06T02:00:00Z'),
      ]),
      '2026-03-06T02:00:00.000Z',
      'ONWARD_DEPARTURE',
    ],
    [
      'transshipment: a planned load onto the onward vessel counts',
      input('TRANSSHIPMENT', [
        move('DISC', 'ACT', '2026-03-04T08:00:00Z'),
        move('LOAD', 'PLN', '2026-03-05T12:00:00Z'),
      ]),
      '2026-03-05T12:00:00.000Z',
      'ONWARD_DEPARTURE',
    ],
    [
      'transshipment: the arriving vessel departing before the discharge does not',
      input('TRANSSHIPMENT', [
        move('DEPA', 'ACT', '2026-03-01T08:00:00Z', 'SGSIN'),
        move('DISC', 'ACT', '2026-03-04T08:00:00Z'),
      ]),
      '2026-03-05T10:00:00.000Z',
      'CONFIGURED',
    ],
    [
      'export: loading at the port of loading',
      input('EXPORT', [move('LOAD', 'EST', '2026-03-04T20:00:00Z', 'VNHPH')], { portOfLoading: 'VNHPH' }),
      '2026-03-04T20:00:00.000Z',
      'LOADING',
    ],
    [
      'export: loading elsewhere is not this port',
      input('EXPORT', [move('LOAD', 'EST', '2026-03-04T20:00:00Z', 'VNSGN')], { portOfLoading: 'VNHPH' }),
      '2026-03-05T10:00:00.000Z',
      'CONFIGURED',
    ],
    [
      'import: vessel arrival',
      input('IMPORT', [move('ARRI', 'PLN', '2026-03-06T06:00:00Z', 'VNCLI')], { portOfDischarge: 'VNCLI' }),
      '2026-03-06T06:00:00.000Z',
      'ARRIVAL',
    ],
    [
      'import: arrival already behind the hold falls back to the configured duration',
      input('IMPORT', [move('ARRI', 'ACT', '2026-03-04T06:00:00Z', 'VNCLI')], { portOfDischarge: 'VNCLI' }),
      '2026-03-05T10:00:00.000Z',
      'CONFIGURED',
    ],
    [
      'transit: always the configured duration',
      input('TRANSIT', [move('DEPA', 'PLN', '2026-03-05T00:00:00Z')]),
      '2026-03-05T10:00:00.000Z',
      'CONFIGURED',
    ],
  ])('%s', (_name, cargo, deadline, basis) => {
    const result = slaDeadline(cargo, HELD_AT, 24);
    expect(result.deadline.toISOString()).toBe(deadline);
    expect(result.basis).toBe(basis);
  });

  it('uses the configured duration when the state is unknown', () => {
    expect(slaDeadline(null, HELD_AT, 8)).toEqual({
      deadline: new Date('2026-03-04T18:00:00Z'),
      basis: 'CONFIGURED',
    });
  });
});
