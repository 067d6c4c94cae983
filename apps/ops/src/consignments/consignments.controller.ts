import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ConsignmentIdPipe } from '../holds/consignment-id.pipe';
import type { ConsignmentStory } from './consignment-story';
import { ConsignmentStoryService } from './consignment-story.service';
import { ConsignmentStoryView } from './consignments.dto';

@ApiTags('consignments')
@Controller('api/consignments')
export class ConsignmentsController {
  constructor(private readonly stories: ConsignmentStoryService) {}

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: ConsignmentStoryView })
  @ApiNotFoundResponse({ description: 'hold.not_found' })
  story(@Param('id', ConsignmentIdPipe) id: string): Promise<ConsignmentStory> {
    return this.stories.story(id);
  }
}
