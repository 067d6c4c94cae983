/** Smallest 1, 2 or 5 × 10^k at or above `value`, so axes end on round numbers. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) {
      return step * magnitude;
    }
  }
  return 10 * magnitude;
}

/** Evenly spaced integer ticks from 0 to the first round step at or above `max`. */
export function axisTicks(max: number, wanted = 4): number[] {
  const step = Math.max(1, niceCeiling(Math.max(max, 1) / wanted));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) {
    ticks.push(tick);
  }
  return ticks;
}

/** Linear map from [0, domainMax] to [0, rangeMax] pixels. */
export function scaleLinear(domainMax: number, rangeMax: number): (value: number) => number {
  return (value) => (domainMax <= 0 ? 0 : (Math.max(0, value) / domainMax) * rangeMax);
}

/** Entries of a count record, largest first, ties by name, at most `limit` with the rest summed. */
export function rankedEntries(
  counts: Record<string, number>,
  limit = Number.POSITIVE_INFINITY,
): { label: string; value: number }[] {
  const sorted = Object.entries(counts)
    .filter(([, value]) => Number.isFinite(value) && value > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([label, value]) => ({ label, value }));
  if (sorted.length <= limit) {
    return sorted;
  }
  const rest = sorted.slice(limit - 1).reduce((sum, entry) => sum + entry.value, 0);
  return [...sorted.slice(0, limit - 1), { label: 'Others', value: rest }];
}

/** "14:00" in UTC for an hourly bucket. */
export function hourLabel(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(11, 13)}:00`;
}
