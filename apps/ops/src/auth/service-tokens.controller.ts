import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { Roles } from './roles.decorator';
import { CreateServiceTokenDto, IssuedServiceTokenView, ServiceTokenView } from './service-tokens.dto';
import { ServiceTokensService } from './service-tokens.service';

@ApiTags('service tokens')
@Controller('api/service-tokens')
@Roles('admin')
export class ServiceTokensController {
  constructor(private readonly serviceTokens: ServiceTokensService) {}

  @Get()
  @ApiOkResponse({ type: ServiceTokenView, isArray: true })
  list(): Promise<ServiceTokenView[]> {
    return this.serviceTokens.list();
  }

  @Post()
  @ApiCreatedResponse({ type: IssuedServiceTokenView })
  create(
    @Body() dto: CreateServiceTokenDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<IssuedServiceTokenView> {
    return this.serviceTokens.create(dto, actor);
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ServiceTokenView })
  revoke(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ServiceTokenView> {
    return this.serviceTokens.revoke(id, actor);
  }
}
