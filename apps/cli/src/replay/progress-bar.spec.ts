import { ProgressBar, type ProgressStream } from './progress-bar';

function terminal(isTTY: boolean): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 100, written, write: (text: string) => written.push(text) > 0 };
}

describe('ProgressBar', () => {
  it('draws nothing when stderr is a file or a pipe', () => {
    const stream = terminal(false);
    const bar = new ProgressBar(stream, 1000, () => 0);

    bar.update(500, 10);
    bar.finish();

    expect(stream.written).toEqual([]);
  });

  it('shows the share of bytes read and the record rate, at most every 100 ms, then clears itself', () => {
    const stream = terminal(true);
    let now = 0;
    const bar = new ProgressBar(stream, 1000, () => now);

    now = 1000;
    bar.update(500, 2000);
    now = 1050;
    bar.update(600, 2400);
    now = 2000;
    bar.update(1000, 4000);
    bar.finish();

    expect(stream.written).toHaveLength(3);
    expect(stream.written[0]).toContain('[##############--------------]  50%  2,000 records, 2,000/s');
    expect(stream.written[1]).toContain('100%  4,000 records, 2,000/s');
    expect(stream.written[2]).toBe('\r\u001b[K');
  });

  it('counts records only when the size is unknown (standard input)', () => {
    const stream = terminal(true);
    const bar = new ProgressBar(stream, undefined, () => 1000);

    bar.update(123, 7);

    expect(stream.written[0]).toContain('replaying 7 records');
  });

  it('keeps the whole line when the terminal reports no width', () => {
    const stream = { ...terminal(true), columns: 0 };
    let now = 0;
    const bar = new ProgressBar(stream, 1000, () => now);

    now = 1000;
    bar.update(250, 25);

    expect(stream.written[0]).toContain(' 25%  25 records, 25/s');
  });
});
