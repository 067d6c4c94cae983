import type { HoldStatus, RiskCategory, RouteRole } from '../api/ops-api.types';

export const STATUS_LABELS: Record<HoldStatus, string> = {
  OPEN: 'Open',
  CLAIMED: 'Claimed',
  INFO_REQUESTED: 'Info requested',
  REFERRED: 'Referred',
  AWAITING_SECOND_OFFICER: 'Awaiting 2nd officer',
  RELEASED: 'Released',
  SEIZED: 'Seized',
};

export const CATEGORY_LABELS: Record<RiskCategory, string> = {
  NUCLEAR: 'Nuclear',
  CHEMICAL_BIOLOGICAL: 'Chem/bio',
  MISSILE: 'Missile',
  MILITARY: 'Military',
  DUAL_USE: 'Dual-use',
  SANCTIONS: 'Sanctions',
  EMBARGO: 'Embargo',
  INTEGRITY: 'Integrity',
  OTHER: 'Other',
};

export const ROUTE_ROLE_LABELS: Record<RouteRole, string> = {
  RECEIPT: 'Receipt',
  LOADING: 'Loading',
  TRANSSHIPMENT: 'Transshipment',
  DISCHARGE: 'Discharge',
  DELIVERY: 'Delivery',
};

/** Constant-case identifiers ("SEAL_MISMATCH") as words for select options. */
export function constantLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
