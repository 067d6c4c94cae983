import { basename, extname } from 'node:path';
import type { SanctionsScreener } from '@chokepoint/contracts';
import {
  DEFAULT_RULE_PACK_PATH,
  loadRulePackFile,
  MemoisedSanctionsScreener,
  RulePackError,
  type RulePack,
} from '@chokepoint/engine';
import {
  loadListSource,
  parseUnConsolidatedList,
  SanctionsIndex,
  SHIPPED_UN_CONSOLIDATED_LIST_PATH,
  UN_CONSOLIDATED_LIST_ID,
  type SanctionsList,
} from '@chokepoint/sanctions';
import { describeError, REPLAY_ERROR_CODES, ReplayException } from './replay.exception';

/** Loads and validates a pack; every failure becomes one line naming the file. */
export function loadReplayRulePack(path: string = DEFAULT_RULE_PACK_PATH): RulePack {
  try {
    return loadRulePackFile(path);
  } catch (error) {
    const reason =
      error instanceof RulePackError
        ? `${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}: ${error.issues
            .slice(0, 5)
            .map((issue) => `${issue.path}: ${issue.message}`)
            .join('; ')}${error.issues.length > 5 ? '; …' : ''}`
        : describeError(error).replace(/\s*\n\s*/g, ' ');
    throw new ReplayException(
      REPLAY_ERROR_CODES.rulePackUnreadable,
      `cannot read rule pack ${path}: ${reason}`,
    );
  }
}

/** List id for the n-th source: the first is the UN list; others are told apart by file name. */
function listIdOf(source: string, index: number): string {
  if (index === 0) {
    return UN_CONSOLIDATED_LIST_ID;
  }
  const name = basename(source, extname(source))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return name.length > 0 ? name : `list-${index + 1}`;
}

/**
 * Reads each list (UN Consolidated List XML, file or URL), indexes them together and remembers the
 * answers per party name, as the screening service does.
 */
export async function loadReplaySanctions(
  sources: readonly string[] = [SHIPPED_UN_CONSOLIDATED_LIST_PATH],
): Promise<SanctionsScreener> {
  const lists: SanctionsList[] = [];
  for (const [index, source] of sources.entries()) {
    try {
      lists.push(parseUnConsolidatedList(await loadListSource(source), listIdOf(source, index)));
    } catch (error) {
      throw new ReplayException(
        REPLAY_ERROR_CODES.sanctionsUnreadable,
        `cannot read sanctions list ${source}: ${describeError(error)}`,
      );
    }
  }
  try {
    return new MemoisedSanctionsScreener(new SanctionsIndex(lists));
  } catch (error) {
    throw new ReplayException(
      REPLAY_ERROR_CODES.sanctionsUnreadable,
      `cannot load sanctions lists: ${describeError(error)}`,
    );
  }
}
