import { ProcessedEventEntity } from './processed-events/processed-event.entity';
import { SCREENING_ENTITIES } from './screening';

export const ENTITIES = [ProcessedEventEntity, ...SCREENING_ENTITIES];
