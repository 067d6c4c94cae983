const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact human duration for queue columns and SLA badges: "<1 min", "45 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(milliseconds: number): string {
  const ms = Math.abs(milliseconds);
  if (ms < MINUTE) {
    return '<1 min';
  }
  if (ms < HOUR) {
    return `${Math.floor(ms / MINUTE)} min`;
  }
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

/** Time since an ISO instant, as shown in the queue's age column. */
export function formatAge(sinceIso: string, now: Date): string {
  const since = Date.parse(sinceIso);
  return Number.isNaN(since) ? '—' : formatDuration(Math.max(0, now.getTime() - since));
}

/** "2026-03-04 10:15 UTC": officers in several ports compare times, so the console shows UTC. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return iso;
  }
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
