import type { PreparationSettings } from './record-preparation';
import type { PackedPreparedRecords, PackedRecords } from './record-transfer';

/** Messages between WorkerPoolRecordPreparer and its record-preparation.worker threads. */
export type PreparationWorkerData = PreparationSettings;

export interface PreparationRequest {
  id: number;
  records: PackedRecords;
}

export type PreparationReply =
  | { kind: 'ready'; loaded: string }
  | { kind: 'prepared'; id: number; prepared: PackedPreparedRecords }
  | { kind: 'failed'; id: number; error: string };
