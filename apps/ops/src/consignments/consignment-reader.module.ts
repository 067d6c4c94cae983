import { Module } from '@nestjs/common';
import { CONSIGNMENT_STORY_READER } from './consignment-story.reader';
import { PostgresConsignmentStoryReader } from './postgres-consignment-story.reader';

@Module({
  providers: [{ provide: CONSIGNMENT_STORY_READER, useClass: PostgresConsignmentStoryReader }],
  exports: [CONSIGNMENT_STORY_READER],
})
export class ConsignmentReaderModule {}
