/**
 * Score at or above which a party name is reported as a hit. Chosen from the seeded evaluation
 * (scripts/sanctions/evaluate-matching.ts): the lowest value that keeps false hits on real port,
 * vessel and company names under 1% while recall on perturbed list names stays at or above 0.95.
 */
export const DEFAULT_NAME_MATCH_THRESHOLD = 0.8;

/** Two tokens below this edit similarity (1 − edits / longer length) count as different words. */
export const MIN_TOKEN_SIMILARITY = 0.7;

/** Tokens this short only match exactly: one edit turns KIM into KIN, a different name. */
export const MIN_FUZZY_TOKEN_LENGTH = 4;

/** Weight of a weak descriptor such as TRADING or GROUP, against ~1.5–8 for ordinary tokens. */
export const WEAK_DESCRIPTOR_WEIGHT = 0.5;

/** Matched tokens needed before containment of one name in the other lifts the score. */
export const MIN_TOKENS_FOR_CONTAINMENT = 2;
