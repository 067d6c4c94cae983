import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootstrapService } from '@chokepoint/service-runtime';
import { OpsEnvironment } from './config/ops.environment';
import { configureOpsHttp } from './http/ops-http.setup';
import { OpsModule } from './ops.module';

void bootstrapService('ops', OpsModule, OpsEnvironment, (app, env) =>
  configureOpsHttp(app as NestExpressApplication, env),
);
