import type { RuleId } from '@chokepoint/contracts';
import { consigneeChangedRule } from './consignee-changed.rule';
import { descriptionKeywordRule } from './description-keyword.rule';
import { destinationChangedRule } from './destination-changed.rule';
import { dwellExceededRule } from './dwell-exceeded.rule';
import { embargoDestinationRule } from './embargo-destination.rule';
import { flagStateRiskRule } from './flag-state-risk.rule';
import { forwarderConsigneeRule } from './forwarder-consignee.rule';
import { freeZoneDestinationRule } from './free-zone-destination.rule';
import { hsDualUseRule } from './hs-dual-use.rule';
import { hsMilitaryRule } from './hs-military.rule';
import { hsNuclearRule } from './hs-nuclear.rule';
import { invalidEquipmentIdRule } from './invalid-equipment-id.rule';
import { invalidVesselIdRule } from './invalid-vessel-id.rule';
import { licenceMissingRule } from './licence-missing.rule';
import { partySanctionedRule } from './party-sanctioned.rule';
import { routeAnomalyRule } from './route-anomaly.rule';
import type { ScreeningRule } from './rule.types';
import { sealMismatchRule } from './seal-mismatch.rule';
import { transitOverdueRule } from './transit-overdue.rule';
import { unexpectedStuffingRule } from './unexpected-stuffing.rule';
import { vagueDescriptionRule } from './vague-description.rule';
import { vesselSanctionedRule } from './vessel-sanctioned.rule';
import { weightDiscrepancyRule } from './weight-discrepancy.rule';

/** Every rule of DESIGN.md's reason-code table, in table order (the order reasons are listed in). */
export const SCREENING_RULES: readonly ScreeningRule[] = [
  hsMilitaryRule,
  hsNuclearRule,
  hsDualUseRule,
  licenceMissingRule,
  descriptionKeywordRule,
  vagueDescriptionRule,
  partySanctionedRule,
  vesselSanctionedRule,
  flagStateRiskRule,
  embargoDestinationRule,
  destinationChangedRule,
  consigneeChangedRule,
  sealMismatchRule,
  unexpectedStuffingRule,
  transitOverdueRule,
  dwellExceededRule,
  routeAnomalyRule,
  weightDiscrepancyRule,
  invalidEquipmentIdRule,
  invalidVesselIdRule,
  forwarderConsigneeRule,
  freeZoneDestinationRule,
];

export const RULES_BY_ID: ReadonlyMap<RuleId, ScreeningRule> = new Map(
  SCREENING_RULES.map((rule) => [rule.id, rule]),
);
