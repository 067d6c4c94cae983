import { describeLatency, latencyOverTime, splitAtMeasuredStart } from './pipeline-report';

describe('latencyOverTime', () => {
  it('gives each second of arrivals its own median and 99th percentile, in order of time', () => {
    const start = 1_764_400_000_000;
    // A cold first second (slow decisions), a quiet second, then a warm one; arrivals out of order.
    const samples = [
      { atMs: start + 2_100, latencyMs: 40 },
      { atMs: start, latencyMs: 900 },
      { atMs: start + 300, latencyMs: 700 },
      { atMs: start + 999, latencyMs: 500 },
      { atMs: start + 2_500, latencyMs: 60 },
      { atMs: start + 2_999, latencyMs: 50 },
    ];

    expect(latencyOverTime(samples)).toEqual([
      { second: 0, p50Ms: 700, p99Ms: 900 },
      { second: 2, p50Ms: 50, p99Ms: 60 },
    ]);
  });

  it('has nothing to say about a run without decisions', () => {
    expect(latencyOverTime([])).toEqual([]);
  });
});

describe('splitAtMeasuredStart', () => {
  it('puts each decision on the side of the end of the warm-up where its trigger was produced', () => {
    const end = 1_764_400_005_000;
    // Produced before the end but arriving after it: the warm-up's. Produced exactly at the end: measured.
    const lateWarmUp = { atMs: end + 200, latencyMs: 500 };
    const atTheEnd = { atMs: end + 40, latencyMs: 40 };
    const early = { atMs: end - 4_000, latencyMs: 900 };
    const later = { atMs: end + 3_000, latencyMs: 30 };

    expect(splitAtMeasuredStart([early, lateWarmUp, atTheEnd, later], end)).toEqual({
      warmUp: [early, lateWarmUp],
      measured: [atTheEnd, later],
    });
  });

  it('measures everything when the warm-up ended before the first record', () => {
    const samples = [{ atMs: 1_000, latencyMs: 20 }];

    expect(splitAtMeasuredStart(samples, 0)).toEqual({ warmUp: [], measured: samples });
  });
});

describe('describeLatency', () => {
  it('says there were no decisions rather than printing percentiles of nothing', () => {
    expect(describeLatency([])).toBe('no decisions');
  });

  it('gives the percentiles and the count of a set of decisions', () => {
    const samples = [10, 20, 30, 40].map((latencyMs) => ({ atMs: 0, latencyMs }));

    expect(describeLatency(samples)).toBe('p50 30 ms, p95 40 ms, p99 40 ms over 4');
  });
});
