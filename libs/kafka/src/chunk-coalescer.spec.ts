import { ChunkCoalescer } from './chunk-coalescer';

/** Work that records each group, answers each item with its double, and finishes when the test says so. */
function controlledWork() {
  const groups: number[][] = [];
  const finishers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const work = (items: number[]): Promise<number[]> => {
    groups.push(items);
    return new Promise<number[]>((resolve, reject) =>
      finishers.push({ resolve: () => resolve(items.map((item) => item * 2)), reject }),
    );
  };
  return { groups, finishers, work };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ChunkCoalescer', () => {
  it('applies the chunks submitted in one turn of the event loop as one group, each getting its own results', async () => {
    const { groups, finishers, work } = controlledWork();
    const coalescer = new ChunkCoalescer(work, { maxItems: 100, maxInFlight: 2 });

    const settled = [coalescer.submit([1, 2]), coalescer.submit([3]), coalescer.submit([4, 5, 6])];
    await nextTurn();

    expect(groups).toEqual([[1, 2, 3, 4, 5, 6]]);
    finishers[0]?.resolve();
    await expect(Promise.all(settled)).resolves.toEqual([[2, 4], [6], [8, 10, 12]]);
  });

  it('starts a new group rather than let one grow past maxItems, and runs a larger chunk alone', async () => {
    const { groups, work } = controlledWork();
    const coalescer = new ChunkCoalescer(work, { maxItems: 4, maxInFlight: 3 });

    void coalescer.submit([1, 2, 3]);
    void coalescer.submit([4, 5]);
    void coalescer.submit([6, 7, 8, 9, 10]);
    void coalescer.submit([11]);
    await nextTurn();

    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7, 8, 9, 10],
    ]);
  });

  it('gathers what arrives while maxInFlight groups run into the next group, started when one finishes', async () => {
    const { groups, finishers, work } = controlledWork();
    const coalescer = new ChunkCoalescer(work, { maxItems: 100, maxInFlight: 1 });

    const first = coalescer.submit([1]);
    await nextTurn();
    const later = [coalescer.submit([2]), coalescer.submit([3])];
    await nextTurn();
    expect(groups).toEqual([[1]]);

    finishers[0]?.resolve();
    await expect(first).resolves.toEqual([2]);
    await nextTurn();
    expect(groups).toEqual([[1], [2, 3]]);
    finishers[1]?.resolve();
    await expect(Promise.all(later)).resolves.toEqual([[4], [6]]);
  });

  it("rejects every chunk of a failed group with the group's error and keeps serving the next ones", async () => {
    const { groups, finishers, work } = controlledWork();
    const coalescer = new ChunkCoalescer(work, { maxItems: 100, maxInFlight: 1 });

    const failed = [coalescer.submit([1]), coalescer.submit([2])];
    await nextTurn();
    finishers[0]?.reject(new Error('database is down'));
    await expect(failed[0]).rejects.toThrow('database is down');
    await expect(failed[1]).rejects.toThrow('database is down');

    const retried = coalescer.submit([1, 2]);
    await nextTurn();
    expect(groups).toEqual([
      [1, 2],
      [1, 2],
    ]);
    finishers[1]?.resolve();
    await expect(retried).resolves.toEqual([2, 4]);
  });

  it('rejects the group when the work answers a different number of results than items', async () => {
    const coalescer = new ChunkCoalescer((items: number[]) => Promise.resolve(items.slice(1)), {
      maxItems: 10,
      maxInFlight: 1,
    });

    await expect(coalescer.submit([1, 2])).rejects.toThrow('work returned 1 results for 2 items');
  });
});
