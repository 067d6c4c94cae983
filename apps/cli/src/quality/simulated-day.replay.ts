import type { DecisionEvent } from '@chokepoint/contracts';
import { loadReplayRulePack, loadReplaySanctions } from '../replay/replay-setup.loader';
import { replayInMemory } from '../replay/replay.usecase';
import type { SimulatedRecord } from '../simulate/port-day.generator';
import { ndjsonLine } from '../simulate/record.sinks';

export interface SimulatedDayReplay {
  decisions: DecisionEvent[];
  rejectedRecords: number;
  ruleSetVersion: string;
}

/**
 * Replays a simulated day exactly as `chokepoint replay --input FILE --until …` would: the same NDJSON
 * lines, the replay's own loaders for the rule pack and the shipped sanctions list, its use case.
 */
export async function replaySimulatedDay(
  records: readonly SimulatedRecord[],
  options: { until: string; rulePackPath?: string; sanctionsSources?: string[] },
): Promise<SimulatedDayReplay> {
  const rulePack = loadReplayRulePack(options.rulePackPath);
  const sanctions = await loadReplaySanctions(options.sanctionsSources);
  const replay = replayInMemory(
    records.map((record) => ndjsonLine(record)),
    { jurisdiction: rulePack.jurisdiction, rulePack, sanctions },
    { until: options.until },
  );
  return {
    decisions: replay.decisions,
    rejectedRecords: replay.tally.rejected,
    ruleSetVersion: rulePack.ruleSetVersion,
  };
}
