import { Controller, Get, HttpCode, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { type HealthReport, HealthService } from './health.service';
import { PublicRoute } from '../public-route';

@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process runs and its event loop answers. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** Kafka and PostgreSQL answer: the service can do its work. */
  @Get('ready')
  async ready(): Promise<HealthReport> {
    const report = await this.health.readiness();
    if (report.status !== 'up') {
      throw new ServiceUnavailableException(report);
    }
    return report;
  }
}
