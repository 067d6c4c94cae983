import { ProcessedEventEntity } from './processed-events/processed-event.entity';

export const ENTITIES = [ProcessedEventEntity];
