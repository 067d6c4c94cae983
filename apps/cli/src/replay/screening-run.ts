import type { CanonicalEvent, DecisionEvent, RuleId, SanctionsScreener } from '@chokepoint/contracts';
import { ScreeningWorld, type RulePack, type WorldOutput, type WorldStats } from '@chokepoint/engine';

export interface ScreeningRunSetup {
  jurisdiction: string;
  rulePack: RulePack;
  sanctions: SanctionsScreener;
}

export interface RuleCount {
  hold: number;
  flag: number;
}

/** What one rule pack decided over the replay. */
export interface ScreeningRunTally {
  decisions: number;
  byOutcome: Record<'HOLD' | 'RELEASE', number>;
  /** Decisions listing the rule, by the reason's outcome. */
  byRule: Map<RuleId, RuleCount>;
  /** Each consignment's effective (last) decision. */
  latest: Map<string, DecisionEvent>;
  world: WorldStats;
}

/**
 * One rule pack's screening of the replayed events: the engine's in-memory ScreeningWorld (the same
 * state handling, joining and timers as the screening service) on event time.
 */
export class ScreeningRun {
  private readonly world: ScreeningWorld;
  private decisions = 0;
  private readonly byOutcome = { HOLD: 0, RELEASE: 0 };
  private readonly byRule = new Map<RuleId, RuleCount>();
  private readonly latest = new Map<string, DecisionEvent>();

  constructor(
    readonly setup: ScreeningRunSetup,
    private readonly onDecision: (decision: DecisionEvent) => void,
  ) {
    this.world = new ScreeningWorld(setup);
  }

  apply(event: CanonicalEvent): void {
    this.publish(
      event.kind === 'MANIFEST' ? this.world.applyManifest(event) : this.world.applyMovement(event),
    );
  }

  /** Moves event time on to `until` (timers due by then fire). */
  advanceTo(until: string): void {
    this.publish(this.world.advanceTo(until));
  }

  tally(): ScreeningRunTally {
    return {
      decisions: this.decisions,
      byOutcome: { ...this.byOutcome },
      byRule: new Map(this.byRule),
      latest: this.latest,
      world: this.world.stats(),
    };
  }

  private publish(output: WorldOutput): void {
    for (const decision of output.decisions) {
      this.decisions += 1;
      this.byOutcome[decision.decision] += 1;
      for (const reason of decision.reasons) {
        let count = this.byRule.get(reason.ruleId);
        if (!count) {
          count = { hold: 0, flag: 0 };
          this.byRule.set(reason.ruleId, count);
        }
        if (reason.outcome === 'HOLD') {
          count.hold += 1;
        } else {
          count.flag += 1;
        }
      }
      this.latest.set(decision.consignmentId, decision);
      this.onDecision(decision);
    }
  }
}
