import { OPS_ENTITIES } from './ops';
import { ProcessedEventEntity } from './processed-events/processed-event.entity';
import { SCREENING_ENTITIES } from './screening';

export const ENTITIES = [ProcessedEventEntity, ...OPS_ENTITIES, ...SCREENING_ENTITIES];
