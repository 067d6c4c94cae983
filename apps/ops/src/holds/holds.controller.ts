import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { HoldActionsService } from './hold-actions.service';
import { type HoldPage, HoldQueryService } from './hold-query.service';
import type { HoldSummary } from './hold-summary';
import {
  AssignHoldDto,
  HoldPageView,
  HoldSummaryView,
  HoldTextDto,
  ListHoldsQuery,
  ReleaseHoldDto,
} from './holds.dto';
import { ConsignmentIdPipe } from './consignment-id.pipe';

@ApiTags('holds')
@Controller('api/holds')
@ApiNotFoundResponse({ description: 'hold.not_found' })
@ApiConflictResponse({ description: 'hold.invalid_state and other state conflicts' })
export class HoldsController {
  constructor(
    private readonly queries: HoldQueryService,
    private readonly actions: HoldActionsService,
  ) {}

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: HoldPageView })
  list(@Query() query: ListHoldsQuery, @CurrentPrincipal() principal: Principal): Promise<HoldPage> {
    return this.queries.list(query, principal);
  }

  @Post(':id/claim')
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  claim(
    @Param('id', ConsignmentIdPipe) id: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.claim(id, actor);
  }

  @Post(':id/assign')
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  assign(
    @Param('id', ConsignmentIdPipe) id: string,
    @Body() dto: AssignHoldDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.assign(id, dto, actor);
  }

  @Post(':id/notes')
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  addNote(
    @Param('id', ConsignmentIdPipe) id: string,
    @Body() dto: HoldTextDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.addNote(id, dto, actor);
  }

  /** Stops the SLA clock until info-received. */
  @Post(':id/request-info')
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  requestInfo(
    @Param('id', ConsignmentIdPipe) id: string,
    @Body() dto: HoldTextDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.requestInfo(id, dto, actor);
  }

  @Post(':id/info-received')
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  infoReceived(
    @Param('id', ConsignmentIdPipe) id: string,
    @Body() dto: HoldTextDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.infoReceived(id, dto, actor);
  }

  /** NUCLEAR, CHEMICAL_BIOLOGICAL and MISSILE holds need two different officers: the first gets AWAITING_SECOND_OFFICER. */
  @Post(':id/release')
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  @ApiBadGatewayResponse({
    description: 'screening.failed, screening.auth_failed, screening.rejected, screening.bad_response',
  })
  @ApiServiceUnavailableResponse({ description: 'screening.unavailable, screening.timeout' })
  release(
    @Param('id', ConsignmentIdPipe) id: string,
    @Body() dto: ReleaseHoldDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.release(id, dto, actor);
  }

  @Post(':id/refer-inspection')
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  referInspection(
    @Param('id', ConsignmentIdPipe) id: string,
    @Body() dto: HoldTextDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.referInspection(id, dto, actor);
  }

  @Post(':id/seizure')
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoldSummaryView })
  seize(
    @Param('id', ConsignmentIdPipe) id: string,
    @Body() dto: HoldTextDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<HoldSummary> {
    return this.actions.seize(id, dto, actor);
  }
}
