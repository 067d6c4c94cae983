import 'reflect-metadata';
import { bootstrapService } from '@chokepoint/service-runtime';
import { IngestEnvironment } from './config/ingest.environment';
import { IngestModule } from './ingest.module';

void bootstrapService('ingest', IngestModule, IngestEnvironment);
