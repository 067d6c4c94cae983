import { ApiProperty } from '@nestjs/swagger';

export class AuditVerificationView {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'entries checked (all entries when the chain holds)' }) entries!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'id of the first entry whose link or hash fails',
  })
  firstBrokenEntryId!: string | null;
}
