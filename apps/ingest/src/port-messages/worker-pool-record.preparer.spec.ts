import type { InboundRecord } from '@chokepoint/kafka';
import { goldenMessages } from '../../test/golden-messages';
import { inboundRecord, tnt300Event } from '../../test/port-message.factory';
import { InThreadRecordPreparer } from './in-thread-record.preparer';
import type { PreparedRecord } from './record-preparation';
import { preparationWorkerSource, WorkerPoolRecordPreparer } from './worker-pool-record.preparer';

const settings = {
  manifestsTopic: 'port.manifests.v1',
  movementsTopic: 'port.movements.v1',
  defaultOriginatingParty: 'UNKNOWN',
};

/** Golden messages, a push body with one bad event, and records that cannot be read, 4 times over. */
function chunk(): InboundRecord[] {
  const good = goldenMessages().map(({ topic, message }) => inboundRecord(message, { topic }));
  const odd = [
    inboundRecord({ events: [tnt300Event({ eventID: 'ok' }), tnt300Event({ eventDateTime: 'never' })] }),
    inboundRecord(Buffer.from('{not json')),
    inboundRecord(null),
    inboundRecord(tnt300Event(), { headers: { 'originating-party': Buffer.from('SGN') } }),
  ];
  return [...good, ...odd, ...good, ...odd, ...good, ...odd, ...good, ...odd];
}

/** Message values as text: from worker threads they come as UTF-8 bytes. */
function withTextValues(prepared: readonly PreparedRecord[]): PreparedRecord[] {
  return prepared.map((record) => ({
    ...record,
    events: record.events.map((event) => ({
      ...event,
      message: { ...event.message, value: event.message.value.toString() },
    })),
  }));
}

describe('WorkerPoolRecordPreparer', () => {
  const source = preparationWorkerSource();
  let pool: WorkerPoolRecordPreparer;

  beforeAll(async () => {
    if (source === undefined) {
      throw new Error('the worker entry is not beside the preparer');
    }
    pool = new WorkerPoolRecordPreparer(source, settings, 2);
    await pool.start();
  }, 60_000);

  afterAll(async () => {
    await pool?.onApplicationShutdown();
  });

  it('prepares a chunk split across its threads exactly as the main thread does, in record order', async () => {
    const records = chunk();
    expect(records.length).toBeGreaterThanOrEqual(100);
    const expected = await new InThreadRecordPreparer(settings).prepare(records);
    expect(withTextValues(await pool.prepare(records))).toEqual(expected);
    expect(expected.some((record) => record.rejections.length > 0 && record.events.length > 0)).toBe(true);
  });

  it('starts its threads again after they were stopped', async () => {
    await pool.onApplicationShutdown();
    const records = chunk().slice(0, 5);
    expect(withTextValues(await pool.prepare(records))).toEqual(
      await new InThreadRecordPreparer(settings).prepare(records),
    );
  });
});
