import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRulePack } from './rule-pack.loader';
import type { RulePack } from './rule-pack.types';

/** The pack shipped with the engine; operators pass their own path instead. */
export const DEFAULT_RULE_PACK_PATH = join(__dirname, '..', '..', 'rule-packs', 'vn-default.rule-pack.yaml');

/** Reads and validates a pack file (the only file access in the engine, done once at start-up). */
export function loadRulePackFile(path: string = DEFAULT_RULE_PACK_PATH): RulePack {
  return loadRulePack(readFileSync(path, 'utf8'), path);
}
