import { Module } from '@nestjs/common';
import { SlaPolicy } from './sla-policy';

@Module({ providers: [SlaPolicy], exports: [SlaPolicy] })
export class SlaModule {}
