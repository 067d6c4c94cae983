import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { AssignableUserView, CreateUserDto, UserSummaryView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: UserSummaryView, isArray: true })
  list(): Promise<UserSummaryView[]> {
    return this.users.list();
  }

  /** Officers a supervisor can assign holds to (additive to the contract). */
  @Get('assignable')
  @Roles('supervisor')
  @ApiOkResponse({ type: AssignableUserView, isArray: true })
  assignable(): Promise<AssignableUserView[]> {
    return this.users.assignable();
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserSummaryView })
  @ApiConflictResponse({ description: 'users.username_taken' })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() actor: Principal): Promise<UserSummaryView> {
    return this.users.create(dto, actor);
  }
}
