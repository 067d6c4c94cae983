import type { HoldSummary, SlaState } from '../api/ops-api.types';
import { formatDuration } from '../shared/duration-format';

export type SlaTone = SlaState | 'CLOSED';

export interface SlaBadge {
  tone: SlaTone;
  /** Shape that carries the state for readers who cannot tell the colours apart. */
  symbol: string;
  label: string;
  detail: string;
  /** Full sentence for screen readers and the title tooltip. */
  description: string;
}

const LABELS: Record<SlaTone, { symbol: string; label: string }> = {
  BREACHED: { symbol: '✖', label: 'Breached' },
  NEAR: { symbol: '▲', label: 'Near breach' },
  OK: { symbol: '●', label: 'On time' },
  PAUSED: { symbol: '❚❚', label: 'Paused' },
  CLOSED: { symbol: '○', label: 'Closed' },
};

const BASIS: Record<HoldSummary['deadlineBasis'], string> = {
  ONWARD_DEPARTURE: 'onward departure',
  LOADING: 'loading',
  ARRIVAL: 'arrival',
  CONFIGURED: 'configured limit',
};

/**
 * The SLA state shown for a hold. The server's state is authoritative when it was computed; a deadline
 * that has passed since then shows as breached without waiting for the next event.
 */
export function slaBadge(
  hold: Pick<HoldSummary, 'slaState' | 'deadline' | 'deadlineBasis' | 'status'>,
  now: Date,
): SlaBadge {
  const deadline = Date.parse(hold.deadline);
  const remaining = deadline - now.getTime();
  let tone: SlaTone = hold.slaState;
  if (hold.status === 'RELEASED' || hold.status === 'SEIZED') {
    tone = 'CLOSED';
  } else if (tone !== 'PAUSED' && !Number.isNaN(deadline) && remaining <= 0) {
    tone = 'BREACHED';
  }
  const { symbol, label } = LABELS[tone];
  let detail = '';
  switch (tone) {
    case 'BREACHED':
      detail =
        Number.isNaN(deadline) || remaining > 0 ? 'deadline passed' : `${formatDuration(remaining)} over`;
      break;
    case 'NEAR':
    case 'OK':
      detail = Number.isNaN(deadline) ? 'no deadline' : `due in ${formatDuration(remaining)}`;
      break;
    case 'PAUSED':
      detail = 'awaiting information';
      break;
    case 'CLOSED':
      detail = hold.status === 'SEIZED' ? 'seized' : 'released';
      break;
  }
  const basis = BASIS[hold.deadlineBasis];
  const description =
    tone === 'CLOSED' || tone === 'PAUSED'
      ? `SLA ${label.toLowerCase()}: ${detail}`
      : `SLA ${label.toLowerCase()}: ${detail} (deadline from ${basis})`;
  return { tone, symbol, label, detail, description };
}
