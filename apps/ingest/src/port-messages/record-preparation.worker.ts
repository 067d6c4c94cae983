// Entry of a worker thread of WorkerPoolRecordPreparer: decodes and prepares the records it is sent.
// The canonical classes carry class-transformer decorators, which need the metadata polyfill.
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { loadDecodeOptions, prepareRecord } from './record-preparation';
import type {
  PreparationReply,
  PreparationRequest,
  PreparationWorkerData,
} from './record-preparation.protocol';
import { packPrepared, unpackRecords } from './record-transfer';

const port = parentPort;
if (port === null) {
  throw new Error('record-preparation.worker runs as a worker thread only');
}
const { options, loaded } = loadDecodeOptions(workerData as PreparationWorkerData);

port.on('message', ({ id, records }: PreparationRequest) => {
  try {
    const prepared = packPrepared(unpackRecords(records).map((record) => prepareRecord(record, options)));
    port.postMessage({ kind: 'prepared', id, prepared } satisfies PreparationReply, [prepared.bytes]);
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ kind: 'failed', id, error: reason } satisfies PreparationReply);
  }
});
port.postMessage({ kind: 'ready', loaded } satisfies PreparationReply);
