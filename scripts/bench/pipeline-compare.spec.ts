import { type CompareRun, compareSummary, describeCompareSummary } from './pipeline-compare';

const run = (arm: CompareRun['arm'], round: number, rate: number, cpu: number, wal: number): CompareRun => ({
  arm,
  round,
  rate,
  passthrough: 20_000,
  cpuUsPerEvent: cpu,
  walBytesPerEvent: wal,
});

describe('pipeline comparison', () => {
  it('sets each round’s compared run against its default run and takes medians per arm', () => {
    const summary = compareSummary([
      run('default', 1, 2_000, 800, 4_000),
      run('compared', 1, 2_200, 760, 3_900),
      run('compared', 2, 2_000, 780, 3_950),
      run('default', 2, 2_500, 700, 4_100),
      run('default', 3, 2_400, 720, 4_050),
      run('compared', 3, 2_640, 700, 3_920),
    ]);

    expect(summary.rounds).toBe(3);
    expect(summary.rateRatios.map((ratio) => Number(ratio.toFixed(2)))).toEqual([1.1, 0.8, 1.1]);
    expect(summary.medianRateRatio).toBeCloseTo(1.1);
    expect(summary.medianRate).toEqual({ default: 2_400, compared: 2_200 });
    expect(summary.medianCpuUsPerEvent).toEqual({ default: 720, compared: 760 });
    expect(summary.medianWalBytesPerEvent).toEqual({ default: 4_050, compared: 3_920 });
  });

  it('leaves a round with one arm out of the ratios', () => {
    const summary = compareSummary([
      run('default', 1, 2_000, 800, 4_000),
      run('compared', 2, 2_100, 800, 4_000),
    ]);

    expect(summary.rateRatios).toEqual([]);
    expect(summary.medianRateRatio).toBeNaN();
  });

  it('says it in one line, n/a where CPU could not be read', () => {
    const summary = compareSummary([
      run('default', 1, 2_000, Number.NaN, 4_000),
      run('compared', 1, 2_100, Number.NaN, 3_800),
    ]);

    expect(describeCompareSummary(summary, 'SCREENING_CHUNK_SIZE=1000')).toBe(
      'with SCREENING_CHUNK_SIZE=1000: 2100 events/s against 2000 with the defaults, 105.0% of their rate ' +
        '(median of 1 round: 105); CPU n/a µs per event against n/a; write-ahead log 3800 bytes per event against 4000',
    );
  });
});
