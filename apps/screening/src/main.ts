import 'reflect-metadata';
import { bootstrapService } from '@chokepoint/service-runtime';
import { ScreeningEnvironment } from './config/screening.environment';
import { ScreeningModule } from './screening.module';

void bootstrapService('screening', ScreeningModule, ScreeningEnvironment);
