import { parseDurationHours, parseRiskWeights, parseSimulateArguments } from './simulate.options';
import { SIMULATION_ERROR_CODES } from './simulation.exception';

const NOW = Date.parse('2030-01-02T03:04:05Z');

describe('parseSimulateArguments', () => {
  it('defaults to a reproducible VN day of 2000 consignments on stdout', () => {
    const options = parseSimulateArguments([], NOW);
    expect(options).toMatchObject({
      seed: 1,
      startMs: Date.parse('2026-03-04T00:00:00Z'),
      durationHours: 24,
      consignments: 2000,
      riskRate: 0.05,
      rate: 0,
      output: undefined,
      kafkaBrokers: undefined,
    });
  });

  it.each([
    [['--seed', '7', '--count', '300'], { seed: 7, consignments: 300 }],
    [['--duration', '6h'], { durationHours: 6, consignments: 500 }],
    [['--duration=2d', '--count=10'], { durationHours: 48, consignments: 10 }],
    [['--start', 'now'], { startMs: Date.parse('2030-01-02T03:04:00Z') }],
    [['--kafka'], { kafkaBrokers: [], startMs: Date.parse('2030-01-02T03:04:00Z') }],
    [['--kafka', '--start', '2026-03-04T00:00:00Z'], { startMs: Date.parse('2026-03-04T00:00:00Z') }],
    [
      ['--kafka', '127.0.0.1:9092,127.0.0.1:9093', '--rate', '200'],
      { kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'], rate: 200 },
    ],
    [['--output', '-'], { output: undefined }],
    [
      ['--output', 'day.ndjson', '--ground-truth', 'truth.jsonl'],
      { output: 'day.ndjson', groundTruth: 'truth.jsonl' },
    ],
    [
      ['--risk-rate', '0.5', '--risk-weights', 'HS_NUCLEAR=2,SEAL_MISMATCH=0'],
      { riskRate: 0.5, riskWeights: { HS_NUCLEAR: 2, SEAL_MISMATCH: 0 } },
    ],
    [['-h'], { help: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseSimulateArguments(argv, NOW)).toMatchObject(expected);
  });

  it.each([
    [['--count', '0']],
    [['--count', 'many']],
    [['--risk-rate', '1.5']],
    [['--risk-weights', 'NOT_A_CODE=1']],
    [['--start', 'yesterday']],
    [['--duration', '30s']],
    [['--seed']],
    [['--output', 'a', '--kafka']],
    [['--bogus']],
  ])('refuses %j with an error code', (argv) => {
    expect(() => parseSimulateArguments(argv, NOW)).toThrow(
      expect.objectContaining({ code: SIMULATION_ERROR_CODES.invalidOption }) as Error,
    );
  });

  it.each([
    ['90m', 1.5],
    ['24h', 24],
    ['2d', 48],
    ['12', 12],
  ])('reads duration %s as %d hours', (raw, hours) => {
    expect(parseDurationHours(raw)).toBe(hours);
  });

  it('reads weights per reason code', () => {
    expect(parseRiskWeights(' FLAG_STATE_RISK=0.5 , ')).toEqual({ FLAG_STATE_RISK: 0.5 });
  });
});
