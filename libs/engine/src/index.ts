export * from './rule-pack/rule-pack.types';
export {
  loadRulePack,
  RulePackError,
  rulePackHash,
  RISK_CATEGORIES,
  type RulePackIssue,
} from './rule-pack/rule-pack.loader';
export { loadRulePackFile, DEFAULT_RULE_PACK_PATH } from './rule-pack/rule-pack.file';
export { HsIndex } from './rule-pack/hs-index';
export { KeywordMatcher, normaliseText, type KeywordHit } from './rule-pack/keyword-matcher';
export * from './rules/rule.types';
export { SCREENING_RULES, RULES_BY_ID } from './rules/rule-catalogue';
export * from './consignment/consignment-state.types';
export {
  applyManifest,
  applyMovement,
  applyTimer,
  applyOfficerDecision,
  movementKey,
  manifestEventId,
} from './consignment/consignment-machine';
export { resolveStage } from './consignment/stage-resolver';
export { ConsignmentGoodsFactsCache, type GoodsFactsCache } from './consignment/goods-facts.cache';
export {
  buildJourneyFacts,
  type JourneyFacts,
  type ContainerStay,
  type JourneyExit,
} from './consignment/journey-facts';
export { formatReasonMessage } from './decision/reason-message.formatter';
export { decisionIdFor } from './decision/decision-id';
export { evaluateRules, type RuleEvaluation } from './decision/rule-evaluator';
export {
  joinMovement,
  pendingKey,
  pendingKeysOfManifest,
  type JoiningLookup,
  type MovementJoin,
  type PendingKey,
} from './world/movement-joining';
export { JoiningIndex, type ParkedMovement, type ParkedForManifest } from './world/joining-index';
export {
  ScreeningWorld,
  type WorldContext,
  type WorldOutput,
  type WorldSnapshot,
  type WorldStats,
  type PendingMovement,
} from './world/screening-world';
export { isValidContainerNumber, isValidImoNumber } from './identifiers/check-digit';
export {
  MemoisedSanctionsScreener,
  DEFAULT_SANCTIONS_MEMO_CAPACITY,
} from './sanctions/memoised-sanctions.screener';
