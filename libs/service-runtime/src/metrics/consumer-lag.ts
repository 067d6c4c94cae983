import { Gauge, Registry } from 'prom-client';

const CONSUMER_LAG = 'chokepoint_consumer_lag';

/**
 * A BatchConsumer `onLag` callback that sets chokepoint_consumer_lag{group,topic,partition} on the
 * application's registry. The gauge is created once per registry, so several consumers can share it.
 */
export function consumerLagReporter(
  registry: Registry,
  group: string,
): (topic: string, partition: number, lag: number) => void {
  const existing = registry.getSingleMetric(CONSUMER_LAG);
  const gauge =
    existing instanceof Gauge
      ? (existing as Gauge<'group' | 'topic' | 'partition'>)
      : new Gauge({
          name: CONSUMER_LAG,
          help: 'Records not yet consumed on a partition, as seen after the last committed chunk',
          labelNames: ['group', 'topic', 'partition'],
          registers: [registry],
        });
  return (topic, partition, lag) => gauge.set({ group, topic, partition: String(partition) }, lag);
}
