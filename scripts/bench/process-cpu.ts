import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * The sustained target: what the CPU budget per event is computed against. On this machine's
 * 2 cores, 10,000 events/s leave 200 µs of CPU per event for every process together.
 */
export const TARGET_EVENTS_PER_SECOND = 10_000;

/** One group of processes the bench measures (a service, the broker, PostgreSQL), found anew at each reading. */
export interface CpuGroup {
  name: string;
  pids: () => readonly number[];
}

/** A process's CPU time in clock ticks: in its own code (user) and in the kernel on its behalf (system). */
export interface ProcessTicks {
  user: number;
  system: number;
}

/** CPU time of each process of each group, and the machine's busy and total ticks. */
export interface CpuReading {
  atMs: number;
  groups: Map<string, Map<number, ProcessTicks>>;
  machineBusy: number;
  machineTotal: number;
}

export interface CpuShare {
  name: string;
  cpuSeconds: number;
  /** Share of one core over the phase (1 = a whole core). */
  coreShare: number;
  usPerEvent: number;
  /** Of that time, the share spent in the kernel (system calls, the network stack); NaN where unknown. */
  kernelShare: number;
}

export interface CpuBreakdown {
  seconds: number;
  events: number;
  groups: CpuShare[];
  /** Busy time of the whole machine that no measured group accounts for (other processes, the kernel). */
  other: CpuShare;
  machineBusyShare: number;
  totalUsPerEvent: number;
  /** All cores' time at TARGET_EVENTS_PER_SECOND, per event. */
  budgetUsPerEvent: number;
}

/**
 * utime and stime from the text of /proc/<pid>/stat. The command name (field 2) is in parentheses and may
 * itself hold spaces and parentheses, so the fields are counted from the last closing parenthesis.
 */
export function processTicks(statText: string): ProcessTicks {
  const rest = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`not a /proc/<pid>/stat line: ${statText.slice(0, 80)}`);
  }
  return { user: utime, system: stime };
}

/** Busy and total ticks of all cores from the first line of /proc/stat (idle and iowait are not busy). */
export function machineTicks(procStatText: string): { busy: number; total: number } {
  const line = procStatText.slice(0, procStatText.indexOf('\n'));
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

function readTicks(pid: number): ProcessTicks | undefined {
  try {
    return processTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone since it was listed
  }
}

/** Every process named `name` (as /proc/<pid>/comm has it), such as PostgreSQL's server and backends. */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) {
        pids.push(Number(entry));
      }
    } catch {
      // ended while listed
    }
  }
  return pids;
}

function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100; // Linux's USER_HZ nearly everywhere
  }
}

/**
 * Reads the CPU time of the processes a bench phase runs on from /proc (Linux only), so that a run says
 * where the CPU per event goes, process by process, next to the budget the target leaves.
 */
export class CpuMeter {
  private readonly ticksPerSecond = clockTicksPerSecond();

  constructor(private readonly groups: readonly CpuGroup[]) {}

  /** False where /proc is not there to read (the bench then reports no breakdown). */
  static available(): boolean {
    try {
      machineTicks(readFileSync('/proc/stat', 'utf8'));
      return true;
    } catch {
      return false;
    }
  }

  read(): CpuReading {
    const groups = new Map<string, Map<number, ProcessTicks>>();
    for (const group of this.groups) {
      const ticks = new Map<number, ProcessTicks>();
      for (const pid of group.pids()) {
        const value = readTicks(pid);
        if (value !== undefined) {
          ticks.set(pid, value);
        }
      }
      groups.set(group.name, ticks);
    }
    const machine = machineTicks(readFileSync('/proc/stat', 'utf8'));
    return { atMs: Date.now(), groups, machineBusy: machine.busy, machineTotal: machine.total };
  }

  breakdown(start: CpuReading, end: CpuReading, events: number): CpuBreakdown {
    return cpuBreakdown(start, end, events, { ticksPerSecond: this.ticksPerSecond, cores: cpus().length });
  }
}

/**
 * What each group used between two readings. A process that started in between counts from zero; one
 * that ended in between is missing from the end reading and its time is lost (it then shows in `other`),
 * so the groups measured are processes that live through a phase: the services, the broker, and
 * PostgreSQL's server and pooled backends.
 */
export function cpuBreakdown(
  start: CpuReading,
  end: CpuReading,
  events: number,
  machine: { ticksPerSecond: number; cores: number },
): CpuBreakdown {
  const seconds = (end.atMs - start.atMs) / 1000;
  const share = (name: string, ticks: number, systemTicks: number): CpuShare => {
    const cpuSeconds = ticks / machine.ticksPerSecond;
    return {
      name,
      cpuSeconds,
      coreShare: seconds > 0 ? cpuSeconds / seconds : Number.NaN,
      usPerEvent: events > 0 ? (cpuSeconds * 1e6) / events : Number.NaN,
      kernelShare: ticks > 0 ? systemTicks / ticks : Number.NaN,
    };
  };
  const groups = [...end.groups].map(([name, endTicks]) => {
    const startTicks = start.groups.get(name) ?? new Map<number, ProcessTicks>();
    let user = 0;
    let system = 0;
    for (const [pid, value] of endTicks) {
      user += value.user - (startTicks.get(pid)?.user ?? 0);
      system += value.system - (startTicks.get(pid)?.system ?? 0);
    }
    return share(name, user + system, system);
  });
  const busyTicks = end.machineBusy - start.machineBusy;
  const totalTicks = end.machineTotal - start.machineTotal;
  const measuredTicks = groups.reduce((sum, group) => sum + group.cpuSeconds * machine.ticksPerSecond, 0);
  const other = share('other', Math.max(0, busyTicks - measuredTicks), Number.NaN);
  return {
    seconds,
    events,
    groups,
    other,
    machineBusyShare: totalTicks > 0 ? busyTicks / totalTicks : Number.NaN,
    totalUsPerEvent: events > 0 ? (busyTicks / machine.ticksPerSecond / events) * 1e6 : Number.NaN,
    budgetUsPerEvent: (machine.cores * 1e6) / TARGET_EVENTS_PER_SECOND,
  };
}

/** "screening 310 µs/event (68% of a core, 12% of it in the kernel), …; machine 84% busy: …". */
export function describeCpu(breakdown: CpuBreakdown): string {
  const part = (group: CpuShare): string => {
    const kernel = Number.isNaN(group.kernelShare)
      ? ''
      : `, ${(group.kernelShare * 100).toFixed(0)}% of it in the kernel`;
    return `${group.name} ${group.usPerEvent.toFixed(0)} µs/event (${(group.coreShare * 100).toFixed(0)}% of a core${kernel})`;
  };
  return (
    `${[...breakdown.groups, breakdown.other].map(part).join(', ')}; machine ` +
    `${(breakdown.machineBusyShare * 100).toFixed(0)}% busy over ${breakdown.seconds.toFixed(1)} s: ` +
    `${breakdown.totalUsPerEvent.toFixed(0)} µs of CPU per event, against the ` +
    `${breakdown.budgetUsPerEvent.toFixed(0)} µs that ${TARGET_EVENTS_PER_SECOND.toLocaleString('en')}/s ` +
    `would leave on these cores`
  );
}

/** The breakdown as flat, rounded figures for the bench's JSON report. */
export function cpuFigures(breakdown: CpuBreakdown): Record<string, number> {
  const figures: Record<string, number> = {
    seconds: Math.round(breakdown.seconds * 10) / 10,
    events: breakdown.events,
    machineBusyPercent: Math.round(breakdown.machineBusyShare * 100),
    totalUsPerEvent: Math.round(breakdown.totalUsPerEvent),
    budgetUsPerEvent: Math.round(breakdown.budgetUsPerEvent),
  };
  for (const group of [...breakdown.groups, breakdown.other]) {
    figures[`${group.name}UsPerEvent`] = Math.round(group.usPerEvent);
    figures[`${group.name}CorePercent`] = Math.round(group.coreShare * 100);
    if (!Number.isNaN(group.kernelShare)) {
      figures[`${group.name}KernelPercent`] = Math.round(group.kernelShare * 100);
    }
  }
  return figures;
}
