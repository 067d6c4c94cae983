import { latencyOverTime } from './pipeline-report';

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
