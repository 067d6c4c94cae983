import type { HoldSummary } from '../api/ops-api.types';

/** A hold summary with sensible defaults for unit tests; override what the test is about. */
export function holdSummary(overrides: Partial<HoldSummary> = {}): HoldSummary {
  return {
    consignmentId: 'MAEU123456789',
    status: 'OPEN',
    stage: 'TRANSSHIPMENT',
    categories: ['INTEGRITY'],
    ruleIds: ['SEAL_MISMATCH'],
    score: 140,
    heldAt: '2026-03-04T10:00:00.000Z',
    deadline: '2026-03-04T18:00:00.000Z',
    deadlineBasis: 'ONWARD_DEPARTURE',
    slaState: 'OK',
    assignee: null,
    portOfLoading: 'CNSHA',
    portOfDischarge: 'VNHPH',
    placeOfDelivery: 'KHPNH',
    decisionSequence: 1,
    updatedAt: '2026-03-04T10:00:00.000Z',
    ...overrides,
  };
}
