import { IsInt, Max, Min } from 'class-validator';
import { CommonEnvironment } from '@chokepoint/config';

export class ScreeningEnvironment extends CommonEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3002;
}
