import { readFileSync } from 'node:fs';
import type { CanonicalEvent, DecisionEvent } from '@chokepoint/contracts';
import { loadRulePackFile, ScreeningWorld } from '@chokepoint/engine';
import {
  parseUnConsolidatedList,
  SanctionsIndex,
  SHIPPED_UN_CONSOLIDATED_LIST_PATH,
  UN_CONSOLIDATED_LIST_ID,
} from '@chokepoint/sanctions';

/** ScreeningWorld with the pack and list the service loads by default: what replay would publish. */
export function replayOracle(): ScreeningWorld {
  const sanctions = new SanctionsIndex([
    parseUnConsolidatedList(readFileSync(SHIPPED_UN_CONSOLIDATED_LIST_PATH, 'utf8'), UN_CONSOLIDATED_LIST_ID),
  ]);
  return new ScreeningWorld({ jurisdiction: 'VN', rulePack: loadRulePackFile(), sanctions });
}

/** The decisions the world issues for these events, as JSON would carry them. */
export function replay(world: ScreeningWorld, events: readonly CanonicalEvent[]): DecisionEvent[] {
  const decisions: DecisionEvent[] = [];
  for (const event of events) {
    const output = event.kind === 'MANIFEST' ? world.applyManifest(event) : world.applyMovement(event);
    decisions.push(...output.decisions);
  }
  return JSON.parse(JSON.stringify(decisions)) as DecisionEvent[];
}

/** Decisions grouped by consignment, each list in sequence order, for a consignment-by-consignment diff. */
export function byConsignment(decisions: readonly DecisionEvent[]): Record<string, DecisionEvent[]> {
  const grouped: Record<string, DecisionEvent[]> = {};
  for (const decision of decisions) {
    (grouped[decision.consignmentId] ??= []).push(decision);
  }
  for (const list of Object.values(grouped)) {
    list.sort((a, b) => a.sequence - b.sequence);
  }
  return grouped;
}
