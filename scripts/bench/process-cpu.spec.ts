import { readFileSync } from 'node:fs';
import {
  CpuMeter,
  type CpuReading,
  cpuBreakdown,
  describeCpu,
  machineTicks,
  pidsNamed,
  processTicks,
} from './process-cpu';

const reading = (
  atMs: number,
  groups: Record<string, Record<number, [user: number, system: number]>>,
  machineBusy: number,
  machineTotal: number,
): CpuReading => ({
  atMs,
  groups: new Map(
    Object.entries(groups).map(([name, ticks]) => [
      name,
      new Map(Object.entries(ticks).map(([pid, [user, system]]) => [Number(pid), { user, system }])),
    ]),
  ),
  machineBusy,
  machineTotal,
});

describe('processTicks', () => {
  it('reads utime and stime, counting fields after a command name that holds spaces and parentheses', () => {
    // Fields 14 and 15 (utime 1234, stime 56) of a process named "node (x) y".
    const stat =
      '4242 (node (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 56 0 0 20 0 11 0 900 1000000 20000 ' +
      '18446744073709551615 0 0 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0';

    expect(processTicks(stat)).toEqual({ user: 1234, system: 56 });
  });

  it('refuses text that is not a stat line', () => {
    expect(() => processTicks('not a stat line')).toThrow('not a /proc/<pid>/stat line');
  });

  it("reads this process's own ticks from /proc, growing as it works", () => {
    const before = processTicks(readFileSync('/proc/self/stat', 'utf8')).user;
    // 50 ms of this process's own CPU time (not wall time, which a busy machine may not give it).
    const cpuAtStart = process.cpuUsage();
    let spin = 0;
    while (process.cpuUsage(cpuAtStart).user < 50_000) {
      spin += 1;
    }
    const after = processTicks(readFileSync('/proc/self/stat', 'utf8')).user;

    expect(spin).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(before);
  });
});

describe('machineTicks', () => {
  it('counts idle and iowait as not busy, and leaves out guest time (already in user)', () => {
    const stat = 'cpu  100 10 50 800 40 5 5 0 7 0\ncpu0 50 5 25 400 20 2 3 0 0 0\n';

    expect(machineTicks(stat)).toEqual({ busy: 170, total: 1010 });
  });
});

describe('cpuBreakdown', () => {
  it('gives each group its CPU over the phase, per event and as a share of a core, with the rest of the machine', () => {
    const start = reading(
      1_000,
      { screening: { 10: [400, 100] }, postgres: { 20: [60, 40], 21: [30, 20] } },
      10_000,
      50_000,
    );
    // 10 s later: screening used 6 s (1.5 in the kernel), postgres 3 s (1.5; a backend that started in
    // between counts from zero), and the machine was busy 12 s of its 2 cores' 20 s.
    const end = reading(
      11_000,
      {
        screening: { 10: [850, 250] },
        postgres: { 20: [140, 110], 21: [50, 30], 22: [50, 70] },
      },
      11_200,
      52_000,
    );

    const breakdown = cpuBreakdown(start, end, 30_000, { ticksPerSecond: 100, cores: 2 });

    expect(breakdown.groups).toEqual([
      { name: 'screening', cpuSeconds: 6, coreShare: 0.6, usPerEvent: 200, kernelShare: 0.25 },
      { name: 'postgres', cpuSeconds: 3, coreShare: 0.3, usPerEvent: 100, kernelShare: 0.5 },
    ]);
    expect(breakdown.other).toMatchObject({ name: 'other', cpuSeconds: 3, coreShare: 0.3, usPerEvent: 100 });
    expect(breakdown.other.kernelShare).toBeNaN();
    expect(breakdown.machineBusyShare).toBeCloseTo(0.6);
    expect(breakdown.totalUsPerEvent).toBeCloseTo(400);
    expect(breakdown.budgetUsPerEvent).toBe(200);
    expect(describeCpu(breakdown)).toBe(
      'screening 200 µs/event (60% of a core, 25% of it in the kernel), postgres 100 µs/event (30% of a ' +
        'core, 50% of it in the kernel), other 100 µs/event ' +
        '(30% of a core); machine 60% busy over 10.0 s: 400 µs of CPU per event, against the 200 µs that ' +
        '10,000/s would leave on these cores',
    );
  });

  it('never reports negative time for the rest of the machine', () => {
    const start = reading(0, { bench: { 1: [0, 0] } }, 0, 0);
    const end = reading(1_000, { bench: { 1: [80, 20] } }, 90, 200);

    expect(cpuBreakdown(start, end, 10, { ticksPerSecond: 100, cores: 2 }).other.cpuSeconds).toBe(0);
  });
});

describe('CpuMeter', () => {
  it('reads the groups it is given from /proc, including processes found by name', () => {
    const meter = new CpuMeter([
      { name: 'self', pids: () => [process.pid] },
      { name: 'gone', pids: () => [2 ** 22 + 1] },
    ]);
    const first = meter.read();

    expect(CpuMeter.available()).toBe(true);
    expect([...(first.groups.get('self')?.keys() ?? [])]).toEqual([process.pid]);
    expect(first.groups.get('gone')?.size).toBe(0);
    expect(pidsNamed(readFileSync('/proc/self/comm', 'utf8').trim())).toContain(process.pid);
    expect(first.machineTotal).toBeGreaterThan(0);
  });
});
