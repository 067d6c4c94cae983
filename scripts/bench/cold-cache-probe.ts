// What a pause costs on this machine, apart from any of the project's code: a random walk over a few MB
// (dependent reads, as in walking a heap), timed in a tight loop and in short bursts with a pause after
// each. Where the host of a virtual machine hands an idle core to other work, as on the development
// machine, a burst after a pause starts from DRAM and the ratio to the tight loop is large (README, Latest
// figures). The pipeline's services pause at every round trip to Kafka or PostgreSQL and pay that ratio
// on each (compare `npm run bench:decoding` with and without `--burst 10 --gap 5`).
// Usage: npm run bench:cold-cache -- [--megabytes 4] [--seconds 2]
import { setTimeout as delay } from 'node:timers/promises';
import { exitOnUsage, runMain, scriptOptions } from '../script-cli';

const USAGE = 'usage: npm run bench:cold-cache -- [--megabytes 4] [--seconds 2]';
const values = scriptOptions('cold-cache-probe', USAGE, {
  megabytes: { type: 'string', default: '4' },
  seconds: { type: 'string', default: '2' },
});
const megabytes = Number(values.megabytes);
const seconds = Number(values.seconds);
if (!(megabytes > 0 && seconds > 0)) {
  exitOnUsage(
    'cold-cache-probe',
    `--megabytes and --seconds must be positive numbers, not ${values.megabytes} and ${values.seconds}`,
  );
}

const STEPS_PER_WALK = 200;

/** Each cell names another cell, chosen at random anywhere in the array. */
function walkTable(bytes: number): Int32Array {
  const cells = Math.floor(bytes / Int32Array.BYTES_PER_ELEMENT);
  const table = new Int32Array(cells);
  for (let i = 0; i < cells; i++) {
    table[i] = Math.floor(Math.random() * cells);
  }
  return table;
}

/** Microseconds per walk of STEPS_PER_WALK dependent reads, counting only the time spent walking. */
async function measure(table: Int32Array, burst: number, gapMs: number): Promise<number> {
  let position = 1;
  let walks = 0;
  let busyMs = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const burstStarted = performance.now();
    for (let walk = 0; walk < burst; walk++) {
      for (let step = 0; step < STEPS_PER_WALK; step++) {
        position = table[position] as number;
      }
    }
    busyMs += performance.now() - burstStarted;
    walks += burst;
    await (gapMs > 0 ? delay(gapMs) : new Promise<void>((resolve) => setImmediate(resolve)));
  }
  if (position < 0) {
    throw new Error('unreachable: keeps the walk from being optimised away');
  }
  return (busyMs * 1000) / walks;
}

async function main(): Promise<void> {
  const table = walkTable(megabytes * 1024 * 1024);
  const cases: Array<[burst: number, gapMs: number]> = [
    [1000, 0],
    [10, 1],
    [10, 5],
    [10, 45],
    [100, 5],
  ];
  await measure(table, 1000, 0); // warm-up: JIT and page faults
  process.stdout.write(
    `random walk over ${megabytes} MB, ${STEPS_PER_WALK} dependent reads per walk, ${seconds} s per case\n` +
      `${'walks per burst'.padEnd(17)}${'pause'.padStart(8)}${'µs/walk'.padStart(10)}${'× tight loop'.padStart(14)}\n`,
  );
  let tight: number | undefined;
  for (const [burst, gapMs] of cases) {
    const perWalk = await measure(table, burst, gapMs);
    tight ??= perWalk;
    process.stdout.write(
      `${String(burst).padEnd(17)}${`${gapMs} ms`.padStart(8)}${perWalk.toFixed(2).padStart(10)}` +
        `${(perWalk / tight).toFixed(1).padStart(14)}\n`,
    );
  }
}

runMain('cold-cache-probe', main);
