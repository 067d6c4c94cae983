import { describeIngestSteps, histogramMean, metricTotal, screeningRetries } from './pipeline-services';

// Two ingest instances' texts one after the other, as ServiceGroup.metrics() joins them.
const TEXT = [
  '# HELP chokepoint_ingest_chunk_step_seconds Time of each step of a chunk.',
  '# TYPE chokepoint_ingest_chunk_step_seconds histogram',
  'chokepoint_ingest_chunk_step_seconds_bucket{le="0.01",step="decode"} 1',
  'chokepoint_ingest_chunk_step_seconds_sum{step="decode"} 0.06',
  'chokepoint_ingest_chunk_step_seconds_count{step="decode"} 2',
  'chokepoint_ingest_chunk_step_seconds_sum{step="publish"} 0.05',
  'chokepoint_ingest_chunk_step_seconds_count{step="publish"} 2',
  'chokepoint_ingest_chunk_step_seconds_sum{step="decode"} 0.04',
  'chokepoint_ingest_chunk_step_seconds_count{step="decode"} 2',
  'chokepoint_screening_transaction_retries_total{work="chunk"} 3',
  'chokepoint_screening_transaction_retries_total{work="timers"} 1',
].join('\n');

describe('reading the services’ metrics', () => {
  it('sums a series over its labels, or over those given', () => {
    expect(metricTotal(TEXT, 'chokepoint_screening_transaction_retries_total')).toBe(4);
    expect(metricTotal(TEXT, 'chokepoint_screening_transaction_retries_total', { work: 'timers' })).toBe(1);
    expect(metricTotal(TEXT, 'chokepoint_screening_events_consumed_total')).toBe(0);
    expect(screeningRetries(TEXT)).toBe(4);
  });

  it('gives a histogram’s mean over all its series', () => {
    expect(histogramMean(TEXT, 'chokepoint_ingest_chunk_step_seconds', 'chokepoint_')).toBe(
      'ingest_chunk_step_seconds mean 25.0 ms over 6',
    );
  });

  it('gives the mean of each ingest step timed, in the order of a chunk', () => {
    expect(describeIngestSteps(TEXT)).toBe('ingest chunk steps, mean: decode 25.0 ms, publish 25.0 ms');
    expect(describeIngestSteps('')).toBe('ingest chunk steps, mean: none timed');
  });
});
