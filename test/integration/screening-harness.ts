import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock } from '../../apps/screening/src/clock/clock';
import { ScreeningModule } from '../../apps/screening/src/screening.module';

export { byConsignment, replay, replayOracle } from '../../apps/screening/src/testing/replay-oracle';
export { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';

/** A clock the test holds still and moves on, so timers fire exactly when a test says. */
export class TestClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** The real ScreeningModule in-process, listening on a free port, with the test's clock. */
export async function startScreening(clock: TestClock): Promise<{ app: INestApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({ imports: [ScreeningModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): AddressInfo }).address();
  return { app, url: `http://127.0.0.1:${address.port}` };
}

/** Letters and digits only, upper case: fits transport document references and container serials. */
export function runToken(): string {
  return randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
}
