import { describeSequentialScans, sequentialScansBetween } from './postgres-scans';

describe('sequential scans over a bench phase', () => {
  const before = [
    { table: 'ingest_event_seen', scans: 2, rows: 10 },
    { table: 'consignment', scans: 7, rows: 0 },
    { table: 'outbox', scans: 1, rows: 5 },
  ];

  it('keeps the tables scans read rows from during the phase, most rows first, per event', () => {
    const after = [
      { table: 'ingest_event_seen', scans: 252, rows: 2_912_493 },
      { table: 'consignment', scans: 9, rows: 0 },
      { table: 'outbox', scans: 3, rows: 105 },
      { table: 'pending_movement_key', scans: 168, rows: 2_460_242 },
    ];

    expect(sequentialScansBetween(before, after, 54_761)).toEqual([
      { table: 'ingest_event_seen', scans: 250, rows: 2_912_483, rowsPerEvent: 53.19 },
      { table: 'pending_movement_key', scans: 168, rows: 2_460_242, rowsPerEvent: 44.93 },
      { table: 'outbox', scans: 2, rows: 100, rowsPerEvent: 0 },
    ]);
  });

  it('says so when no scan read a row', () => {
    expect(describeSequentialScans(sequentialScansBetween(before, before, 1_000), 1_000)).toBe(
      'no rows read by sequential scans',
    );
  });

  it('sums the rows and names the tables that read most', () => {
    const tables = sequentialScansBetween(
      [],
      [
        { table: 'a', scans: 3, rows: 300 },
        { table: 'b', scans: 1, rows: 100 },
        { table: 'c', scans: 2, rows: 50 },
      ],
      200,
    );

    expect(describeSequentialScans(tables, 200, 2)).toBe(
      '450 rows read by sequential scans, 2.25 per event: a 300 (3 scans), b 100 (1 scan)',
    );
  });
});
