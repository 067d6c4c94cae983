import { Registry } from 'prom-client';
import { consumerLagReporter } from './consumer-lag';

describe('consumerLagReporter', () => {
  it('sets the lag per group, topic and partition on one gauge shared by every consumer', async () => {
    const registry = new Registry();
    const screening = consumerLagReporter(registry, 'chokepoint-screening');
    const ops = consumerLagReporter(registry, 'chokepoint-ops');
    screening('chokepoint.canonical.v1', 3, 42);
    screening('chokepoint.canonical.v1', 3, 7);
    ops('chokepoint.decisions.v1', 0, 0);

    const text = await registry.metrics();
    expect(text).toContain(
      'chokepoint_consumer_lag{group="chokepoint-screening",topic="chokepoint.canonical.v1",partition="3"} 7',
    );
    expect(text).toContain(
      'chokepoint_consumer_lag{group="chokepoint-ops",topic="chokepoint.decisions.v1",partition="0"} 0',
    );
    expect(text.match(/^# TYPE chokepoint_consumer_lag gauge$/gm)).toHaveLength(1);
  });
});
