import 'reflect-metadata';
import { bootstrapService } from '@chokepoint/service-runtime';
import { OpsEnvironment } from './config/ops.environment';
import { OpsModule } from './ops.module';

void bootstrapService('ops', OpsModule, OpsEnvironment);
