import type { DecisionEvent } from '@chokepoint/contracts';
import type { ConsignmentState } from '@chokepoint/engine';

/** Read-only view of what screening keeps about consignments (its tables, its JSON shapes). */
export const CONSIGNMENT_STORY_READER = Symbol('CONSIGNMENT_STORY_READER');

export interface ConsignmentRecord {
  state: ConsignmentState;
  /** When screening first stored the consignment (its first manifest). */
  firstSeenAt: Date;
}

export interface ConsignmentStoryReader {
  find(consignmentId: string): Promise<ConsignmentRecord | null>;
  findMany(consignmentIds: readonly string[]): Promise<Map<string, ConsignmentRecord>>;
  /** Every decision published for the consignment, oldest first. */
  decisions(consignmentId: string): Promise<DecisionEvent[]>;
}
