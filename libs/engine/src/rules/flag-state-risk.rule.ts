import { holdFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** Vessel flagged (or MMSI-registered) in a state on the pack's list, e.g. DPRK / MID 445. */
export const flagStateRiskRule: ScreeningRule = {
  id: 'FLAG_STATE_RISK',
  version: 'FLAG_STATE_RISK@1',
  stages: ALL_STAGES,
  category: 'SANCTIONS',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    const seen = new Set<string>();
    const findings = [];
    for (const { vessel, seenIn } of input.vessels) {
      const byFlag =
        vessel.flag !== undefined && input.pack.riskyFlagStates.has(vessel.flag) ? vessel.flag : null;
      const mmsiPrefix = vessel.mmsi?.slice(0, 3);
      const byMmsi = mmsiPrefix === undefined ? undefined : input.pack.riskyMmsiPrefixes.get(mmsiPrefix);
      const flagState = byFlag ?? byMmsi;
      if (!flagState) {
        continue;
      }
      const key = vessel.imoNumber ?? vessel.mmsi ?? vessel.name ?? seenIn;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      findings.push(
        holdFinding('FLAG_STATE_RISK', ['SANCTIONS'], {
          flagState,
          matchedBy: byFlag ? 'FLAG' : 'MMSI_PREFIX',
          vesselName: vessel.name ?? null,
          imoNumber: vessel.imoNumber ?? null,
          mmsi: vessel.mmsi ?? null,
          seenIn,
        }),
      );
    }
    return findings;
  },
};
