import type {
  ConsignmentManifest,
  GoodsItem,
  Licence,
  MovementEvent,
  Party,
  RiskCategory,
  RuleId,
  SanctionsHit,
  Stage,
  Vessel,
} from '@chokepoint/contracts';
import type { AmendmentRecord, ManifestTerms } from '../consignment/consignment-state.types';
import type { JourneyFacts } from '../consignment/journey-facts';
import type { KeywordHit } from '../rule-pack/keyword-matcher';
import type { HsListEntry, RulePack, RuleSettings } from '../rule-pack/rule-pack.types';

export type LicenceStatus = 'VALID' | 'MISSING' | 'NO_REFERENCE' | 'EXPIRED' | 'NOT_YET_VALID';

export interface LicenceCheck {
  status: LicenceStatus;
  licence: Licence | null;
}

/** One goods item with its pack lookups done once per manifest version. */
export interface GoodsFacts {
  item: GoodsItem;
  hsHits: HsListEntry[];
  keywordHits: KeywordHit[];
  normalisedDescription: string;
  /**
   * Fewer than the pack's minimum characters are left once generic terms, filler words and numbers are
   * taken out of the description (VAGUE_DESCRIPTION; see meaningfulRemainder for the text itself).
   */
  vague: boolean;
}

export interface PartyScreening {
  party: Party;
  hits: SanctionsHit[];
}

export interface VesselSighting {
  vessel: Vessel;
  /** Where the vessel was named: the manifest's route or a movement id. */
  seenIn: string;
}

/** Everything a rule may look at: facts folded from state, pack and event time. Read only. */
export interface ScreeningInput {
  consignmentId: string;
  stage: Stage;
  now: string;
  nowMs: number;
  jurisdiction: string;
  pack: RulePack;
  manifest: ConsignmentManifest;
  goods: GoodsFacts[];
  movements: readonly MovementEvent[];
  journey: JourneyFacts;
  firstTerms: ManifestTerms;
  currentTerms: ManifestTerms;
  amendments: readonly AmendmentRecord[];
  parties: PartyScreening[];
  vessels: VesselSighting[];
  vesselHits: { imoNumber: string; hits: SanctionsHit[] }[];
  licenceFor(item: GoodsItem): LicenceCheck;
}

export interface RuleFinding {
  ruleId: RuleId;
  outcome: 'HOLD' | 'FLAG';
  score: number;
  categories: RiskCategory[];
  evidence: Record<string, unknown>;
}

export type ParamSpec =
  | { type: 'number'; min: number; max: number; default: number }
  | { type: 'boolean'; default: boolean }
  | { type: 'string[]'; allowed?: readonly string[]; default: readonly string[] };

/** A rule is a small pure function plus the metadata the pack loader and the publisher need. */
export interface ScreeningRule {
  id: RuleId;
  /** `<ruleId>@<n>`; bump n when the logic changes meaning. */
  version: string;
  stages: readonly Stage[];
  category: RiskCategory;
  outcome: 'HOLD' | 'FLAG' | 'HOLD_OR_FLAG';
  /** FLAG score used when the pack does not set one (0 for HOLD-only rules). */
  defaultScore: number;
  params: Readonly<Record<string, ParamSpec>>;
  evaluate(input: ScreeningInput, settings: RuleSettings): RuleFinding[];
}

export const ALL_STAGES: readonly Stage[] = ['EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT'];
