import {
  describeWal,
  describeWalByRelation,
  walByRelation,
  walFigures,
  type WalRecordGroup,
  type WalRelation,
} from './postgres-wal';

describe('write-ahead log figures', () => {
  it('gives bytes per event, rounded, and says so in MiB', () => {
    const wal = walFigures(3_355_443, 1_000);

    expect(wal).toEqual({ bytes: 3_355_443, events: 1_000, bytesPerEvent: 3_355 });
    expect(describeWal(wal)).toBe('3.2 MiB of PostgreSQL write-ahead log, 3355 bytes per event');
  });

  it('has no per-event figure for a phase without events', () => {
    expect(walFigures(8_192, 0).bytesPerEvent).toBeNaN();
  });
});

describe('write-ahead log by relation', () => {
  const relations: WalRelation[] = [
    { filenode: '100', name: 'consignment', toastOf: null, isIndex: false },
    { filenode: '101', name: 'pg_toast_100', toastOf: 'consignment', isIndex: false },
    { filenode: '102', name: 'pg_toast_100_index', toastOf: 'consignment', isIndex: true },
    { filenode: '103', name: 'pk_consignment', toastOf: null, isIndex: true },
    { filenode: '1262', name: 'pg_database', toastOf: null, isIndex: false },
  ];
  const group = (
    databaseOid: string | null,
    filenode: string | null,
    bytes: number,
    resourceManager = 'Heap',
  ): WalRecordGroup => ({ databaseOid, filenode, resourceManager, records: 2, bytes });

  it('names TOAST after its table, adds up groups of one relation and sorts by bytes', () => {
    const shares = walByRelation(
      [
        group('5', '100', 300),
        group('5', '101', 1_000),
        group('5', '101', 500, 'Btree'),
        group('5', '102', 100, 'Btree'),
        group('5', '103', 100, 'Btree'),
      ],
      relations,
      '5',
      10,
    );

    expect(shares.map((share) => [share.relation, share.records, share.bytes, share.bytesPerEvent])).toEqual([
      ['consignment (TOAST)', 4, 1_500, 150],
      ['consignment', 2, 300, 30],
      ['consignment (TOAST index)', 2, 100, 10],
      ['pk_consignment', 2, 100, 10],
    ]);
    expect(shares.map((share) => share.percent)).toEqual([75, 15, 5, 5]);
  });

  it('tells apart records of no relation, of another database and of a file gone since', () => {
    const shares = walByRelation(
      [
        group(null, null, 40, 'Transaction'),
        group('6', '100', 30),
        group('5', '999', 20),
        group('0', '1262', 10),
      ],
      relations,
      '5',
      0,
    );

    expect(shares.map((share) => share.relation)).toEqual([
      '(Transaction, no relation)',
      '(another database)',
      '(file 999, no relation now)',
      'pg_database',
    ]);
    expect(shares[0]?.bytesPerEvent).toBeNaN();
  });

  it('describes the largest few in one line', () => {
    const shares = walByRelation([group('5', '101', 750), group('5', '100', 250)], relations, '5', 5);

    expect(describeWalByRelation(shares, 1)).toBe('consignment (TOAST) 150 (75%)');
  });
});
