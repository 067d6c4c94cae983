import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { type Dashboard, DashboardService } from './dashboard.service';

class HourlyDecisionsView {
  @ApiProperty({ format: 'date-time' }) hour!: string;
  @ApiProperty() HOLD!: number;
  @ApiProperty() RELEASE!: number;
}

export class DashboardView {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) holdsByStage!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) holdsByRule!: Record<
    string,
    number
  >;
  @ApiProperty() slaBreaches!: number;
  @ApiProperty() nearBreaches!: number;
  @ApiProperty({ type: [HourlyDecisionsView], description: 'last 24 hours, oldest first' })
  decisionsPerHour!: HourlyDecisionsView[];
}

@ApiTags('dashboard')
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: DashboardView })
  dashboard(): Promise<Dashboard> {
    return this.dashboards.dashboard();
  }
}
