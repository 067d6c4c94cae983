import type { InboundRecord } from '@chokepoint/kafka';
import type { PreparedRecord } from './record-preparation';

/** Where records are decoded and prepared: in the main thread, or in worker threads beside it. */
export abstract class RecordPreparer {
  /** One prepared record per record, in the same order. Rejects only when the preparer itself fails. */
  abstract prepare(records: readonly InboundRecord[]): Promise<PreparedRecord[]>;
}
