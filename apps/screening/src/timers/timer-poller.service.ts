import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { WakeableDelay } from '@chokepoint/service-runtime';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ScreeningMetrics } from '../metrics/screening.metrics';
import { FireDueTimersUseCase } from './fire-due-timers.usecase';

/** Polls for due timers on the wall clock; keeps going while rounds come back full. */
@Injectable()
export class TimerPollerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TimerPoller');
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly delay = new WakeableDelay();

  constructor(
    private readonly fireDueTimers: FireDueTimersUseCase,
    private readonly metrics: ScreeningMetrics,
    private readonly env: ScreeningEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.delay.wake();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let full = false;
      try {
        const result = await this.fireDueTimers.execute();
        result.fired.forEach((timer) => this.metrics.timerFired(timer.ruleId));
        this.metrics.issued(result.decisions);
        if (result.fired.length > 0) {
          this.logger.log(`fired ${result.fired.length} timers, ${result.decisions.length} decisions`);
        }
        full = result.fired.length + result.deferred >= this.env.TIMER_BATCH_SIZE && result.fired.length > 0;
      } catch (error) {
        this.logger.error(
          `firing timers failed, retrying: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!full) {
        await this.delay.sleep(this.env.TIMER_POLL_INTERVAL_MS);
      }
    }
  }
}
