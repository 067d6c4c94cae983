import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { EventStreamService } from './event-stream.service';

@ApiTags('live updates')
@Controller('api/events')
export class EventsController {
  constructor(private readonly streams: EventStreamService) {}

  /** text/event-stream: `hold.upserted` (HoldSummary), `hold.removed` ({consignmentId}), heartbeat comments. */
  @Get()
  @Roles('viewer')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'a stream of hold events' })
  stream(@Req() request: Request, @Res() response: Response, @CurrentPrincipal() principal: Principal): void {
    this.streams.open(request, response, principal);
  }
}
