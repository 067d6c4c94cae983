import { Logger } from '@nestjs/common';
import type { DecodeOptions } from '@chokepoint/ingest-decoding';
import type { InboundRecord } from '@chokepoint/kafka';
import {
  loadDecodeOptions,
  type PreparationSettings,
  type PreparedRecord,
  prepareRecord,
} from './record-preparation';
import { RecordPreparer } from './record-preparer';

/** Decodes in the main thread, between the I/O of other chunks (INGEST_DECODE_WORKERS=0). */
export class InThreadRecordPreparer extends RecordPreparer {
  private readonly options: DecodeOptions;

  constructor(settings: PreparationSettings) {
    super();
    const { options, loaded } = loadDecodeOptions(settings);
    this.options = options;
    new Logger('PortMessages').log(`${loaded}; decoding in the main thread`);
  }

  prepare(records: readonly InboundRecord[]): Promise<PreparedRecord[]> {
    try {
      return Promise.resolve(records.map((record) => prepareRecord(record, this.options)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
