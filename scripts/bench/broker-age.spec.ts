import { BROKER_WARM_UP_SECONDS, brokerWarmUpNote } from './broker-age';

describe('brokerWarmUpNote', () => {
  it('speaks up while the broker the stack started is younger than its warm-up', () => {
    expect(brokerWarmUpNote(12)).toMatch(/^note: the broker started 12 s ago .* first 3 minutes/);
    expect(brokerWarmUpNote(BROKER_WARM_UP_SECONDS - 1)).toBeDefined();
  });

  it('stays quiet for a warm broker, or one the stack did not start', () => {
    expect(brokerWarmUpNote(BROKER_WARM_UP_SECONDS)).toBeUndefined();
    expect(brokerWarmUpNote(undefined)).toBeUndefined();
  });
});
