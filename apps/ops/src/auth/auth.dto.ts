import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { NoControlCharacters } from '../http/text.validators';
import { ROLES } from './roles';

export class LoginDto {
  @ApiProperty({ example: 'officer.nguyen' })
  @IsString()
  @Length(1, 64)
  @NoControlCharacters({ allowLineBreaks: false })
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
}

export class SessionView {
  @ApiProperty({ type: UserView }) user!: UserView;
}
