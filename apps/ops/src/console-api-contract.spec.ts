// The console (apps/ops/web) keeps its own copy of the ops API's shapes (ops-api.types.ts, mirroring
// API.md), since it is built apart from the server. This spec keeps the two from drifting: the value
// lists at run time, and the response shapes' field names at compile time (`npm run typecheck`).
import * as Console from '../web/src/api/ops-api.types';
import { ROLES } from './auth/roles';
import type { HoldPage } from './holds/hold-query.service';
import type { HoldSummary } from './holds/hold-summary';
import { HOLD_STATUSES, TWO_OFFICER_CATEGORIES } from './holds/hold';
import { RELEASE_REASON_CODES } from './holds/holds.dto';
import { SLA_STATES } from './sla/sla-clock';
import { DEADLINE_BASES } from './sla/sla-deadline';

/** true only when A and B are the same type; anything else fails to compile where `true` is assigned. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const sameHoldSummaryFields: Same<keyof HoldSummary, keyof Console.HoldSummary> = true;
const sameHoldPageFields: Same<keyof HoldPage, keyof Console.HoldPage> = true;
const sameHoldPageCounts: Same<keyof HoldPage['counts'], keyof Console.HoldPage['counts']> = true;
const sameDeadlineBases: Same<(typeof DEADLINE_BASES)[number], Console.DeadlineBasis> = true;

const sorted = (values: readonly string[]): string[] => [...values].sort();

describe('the console and the ops API', () => {
  it('agree on the fields of the hold queue responses (checked by the compiler)', () => {
    expect([sameHoldSummaryFields, sameHoldPageFields, sameHoldPageCounts, sameDeadlineBases]).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it.each([
    ['hold statuses', HOLD_STATUSES, Console.HOLD_STATUSES],
    ['roles', ROLES, Console.ROLES],
    ['SLA states', SLA_STATES, Console.SLA_STATES],
    ['release reason codes', RELEASE_REASON_CODES, Console.RELEASE_REASON_CODES],
    ['two-officer categories', TWO_OFFICER_CATEGORIES, Console.TWO_OFFICER_CATEGORIES],
  ])('agree on the %s', (_what, server: readonly string[], console: readonly string[]) => {
    expect(sorted(console)).toEqual(sorted(server));
  });
});
