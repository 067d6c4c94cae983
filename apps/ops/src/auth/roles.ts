/** Console roles, lowest first; each includes the ones below it. */
export const ROLES = ['viewer', 'officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The highest role held decides; unknown strings in storage count for nothing. */
export function hasRole(granted: readonly string[], required: Role): boolean {
  const best = Math.max(-1, ...granted.filter(isRole).map(roleRank));
  return best >= roleRank(required);
}
