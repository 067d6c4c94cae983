import { Test } from '@nestjs/testing';
import { Counter, Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';
import { MetricsModule } from './metrics.module';

describe('MetricsModule', () => {
  async function app(service: string): Promise<{ registry: Registry; controller: MetricsController }> {
    const moduleRef = await Test.createTestingModule({
      imports: [MetricsModule.forRoot({ service })],
    }).compile();
    return { registry: moduleRef.get(Registry), controller: moduleRef.get(MetricsController) };
  }

  it('exposes default and feature metrics with the service label', async () => {
    const { registry, controller } = await app('ingest');
    new Counter({ name: 'chokepoint_test_total', help: 'test', registers: [registry] }).inc(3);
    const text = await controller.scrape();
    expect(text).toContain('chokepoint_test_total{service="ingest"} 3');
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="ingest"\} /m);
  });

  it('gives each application its own registry, so two can share a process', async () => {
    const first = await app('ingest');
    const second = await app('screening');
    expect(first.registry).not.toBe(second.registry);
    const register = (registry: Registry): Counter =>
      new Counter({ name: 'chokepoint_same_name_total', help: 'test', registers: [registry] });
    expect(() => [register(first.registry), register(second.registry)]).not.toThrow();
  });
});
