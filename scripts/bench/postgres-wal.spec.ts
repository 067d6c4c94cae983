import { describeWal, walFigures } from './postgres-wal';

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
