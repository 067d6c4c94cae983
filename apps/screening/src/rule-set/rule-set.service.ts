import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { SanctionsScreener } from '@chokepoint/contracts';
import { loadRulePack, RulePackError, type RulePack, type WorldContext } from '@chokepoint/engine';
import { loadListSource, parseUnConsolidatedList, SanctionsIndex } from '@chokepoint/sanctions';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ScreeningMetrics } from '../metrics/screening.metrics';
import { isLocalFile, parseSanctionsSources, type SanctionsSource } from './sanctions-sources';

/** What a transaction screens with: one rule pack and one set of lists, never a mix of two versions. */
export interface ScreeningRuleSet {
  rulePack: RulePack;
  sanctions: SanctionsScreener;
}

export type ReloadPart = 'rule-pack' | 'sanctions';
const ALL_PARTS: ReadonlySet<ReloadPart> = new Set(['rule-pack', 'sanctions']);

export interface ReloadReport {
  ruleSetVersion: string;
  listVersions: Record<string, string>;
  rulePack: 'loaded' | 'unchanged' | 'refused';
  sanctions: 'loaded' | 'unchanged' | 'refused';
  /** Why something was refused; the previous version keeps serving. */
  errors: string[];
}

/**
 * Holds the rule pack and sanctions lists in force and swaps them without a restart: on a change of
 * the files (debounced) or on POST /admin/reload. A pack or list that fails to load or validate is
 * refused with a log line naming every problem, and the previous one keeps serving. At start-up a bad
 * pack or list stops the service instead.
 */
@Injectable()
export class RuleSetService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RuleSet');
  private readonly sources: SanctionsSource[];
  private current: ScreeningRuleSet | undefined;
  private watchers: FSWatcher[] = [];
  private debounce: NodeJS.Timeout | undefined;
  private readonly changed = new Set<ReloadPart>();
  private reloading: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly env: ScreeningEnvironment,
    private readonly metrics: ScreeningMetrics,
  ) {
    this.sources = parseSanctionsSources(env.SANCTIONS_SOURCES);
  }

  async onModuleInit(): Promise<void> {
    const rulePack = await this.readRulePack();
    const sanctions = await this.readSanctions();
    this.current = { rulePack, sanctions };
    this.logger.log(
      `serving rule set ${rulePack.ruleSetVersion} with lists ${JSON.stringify(sanctions.listVersions)}`,
    );
    if (this.env.RULES_WATCH === 'true') {
      this.watchFiles();
    }
  }

  onModuleDestroy(): void {
    clearTimeout(this.debounce);
    this.watchers.forEach((watcher) => watcher.close());
    this.watchers = [];
  }

  ruleSet(): ScreeningRuleSet {
    if (!this.current) {
      throw new Error('rule set used before the module initialised');
    }
    return this.current;
  }

  worldContext(): WorldContext {
    const { rulePack, sanctions } = this.ruleSet();
    return { jurisdiction: this.env.JURISDICTION, rulePack, sanctions };
  }

  /** Reloads pack and lists; each part that fails keeps its previous version. Reloads never overlap. */
  reload(trigger: string, parts: ReadonlySet<ReloadPart> = ALL_PARTS): Promise<ReloadReport> {
    const next = this.reloading.then(() => this.reloadNow(trigger, parts));
    this.reloading = next.catch(() => undefined);
    return next;
  }

  private async reloadNow(trigger: string, parts: ReadonlySet<ReloadPart>): Promise<ReloadReport> {
    const previous = this.ruleSet();
    const errors: string[] = [];
    const pack = parts.has('rule-pack')
      ? await this.reloadPart('rule-pack', trigger, () => this.readRulePack(), errors)
      : undefined;
    const lists = parts.has('sanctions')
      ? await this.reloadPart('sanctions', trigger, () => this.readSanctions(), errors)
      : undefined;
    const rulePack =
      pack && pack !== 'refused' && pack.contentHash !== previous.rulePack.contentHash
        ? pack
        : previous.rulePack;
    const sanctions = lists && lists !== 'refused' ? lists : previous.sanctions;
    this.current = { rulePack, sanctions };
    const packOutcome =
      pack === 'refused' ? 'refused' : rulePack === previous.rulePack ? 'unchanged' : 'loaded';
    const listsOutcome = lists === 'refused' ? 'refused' : lists ? 'loaded' : 'unchanged';
    this.metrics.reloaded('rule-pack', packOutcome);
    this.metrics.reloaded('sanctions', listsOutcome);
    if (packOutcome === 'loaded') {
      this.logger.log(
        `rule pack reloaded (${trigger}): ${previous.rulePack.ruleSetVersion} -> ${rulePack.ruleSetVersion}`,
      );
    }
    if (listsOutcome === 'loaded') {
      this.logger.log(`sanctions lists reloaded (${trigger}): ${JSON.stringify(sanctions.listVersions)}`);
    }
    return {
      ruleSetVersion: rulePack.ruleSetVersion,
      listVersions: { ...sanctions.listVersions },
      rulePack: packOutcome,
      sanctions: listsOutcome,
      errors,
    };
  }

  /** Loads one part; on failure logs why, notes the error and answers 'refused'. */
  private async reloadPart<T>(
    part: ReloadPart,
    trigger: string,
    load: () => Promise<T>,
    errors: string[],
  ): Promise<T | 'refused'> {
    try {
      return await load();
    } catch (error) {
      errors.push(describe(error));
      const serving =
        part === 'rule-pack'
          ? this.ruleSet().rulePack.ruleSetVersion
          : JSON.stringify(this.ruleSet().sanctions.listVersions);
      this.logger.error(`${part} refused (${trigger}); still serving ${serving}: ${describe(error)}`);
      return 'refused';
    }
  }

  private async readRulePack(): Promise<RulePack> {
    const path = this.env.RULE_PACK_PATH;
    const pack = loadRulePack(await readFile(path, 'utf8'), path);
    if (pack.jurisdiction !== this.env.JURISDICTION) {
      throw new RulePackError(path, [
        {
          path: 'jurisdiction',
          message: `pack is for ${pack.jurisdiction}, this deployment serves ${this.env.JURISDICTION}`,
        },
      ]);
    }
    return pack;
  }

  private async readSanctions(): Promise<SanctionsIndex> {
    const lists = await Promise.all(
      this.sources.map(async (source) => {
        try {
          return parseUnConsolidatedList(await loadListSource(source.location), source.listId);
        } catch (error) {
          throw new Error(`sanctions list ${source.listId} from ${source.location}: ${describe(error)}`, {
            cause: error,
          });
        }
      }),
    );
    return new SanctionsIndex(lists);
  }

  /** Watches the folders (editors replace files by renaming) and reloads once a burst of changes settles. */
  private watchFiles(): void {
    const files: [string, ReloadPart][] = [
      [resolve(this.env.RULE_PACK_PATH), 'rule-pack'],
      ...this.sources
        .filter(isLocalFile)
        .map((source): [string, ReloadPart] => [resolve(source.location), 'sanctions']),
    ];
    const byFolder = new Map<string, Map<string, ReloadPart>>();
    for (const [file, part] of files) {
      const names = byFolder.get(dirname(file)) ?? new Map<string, ReloadPart>();
      names.set(basename(file), part);
      byFolder.set(dirname(file), names);
    }
    for (const [folder, names] of byFolder) {
      try {
        const watcher = watch(folder, (_event, filename) => {
          if (filename === null) {
            names.forEach((part) => this.scheduleReload(part));
            return;
          }
          const part = names.get(filename.toString());
          if (part) {
            this.scheduleReload(part);
          }
        });
        watcher.on('error', (error) => this.logger.warn(`stopped watching ${folder}: ${describe(error)}`));
        this.watchers.push(watcher);
      } catch (error) {
        this.logger.warn(`cannot watch ${folder} (reload with POST /admin/reload): ${describe(error)}`);
      }
    }
  }

  private scheduleReload(part: ReloadPart): void {
    this.changed.add(part);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      const parts = new Set(this.changed);
      this.changed.clear();
      void this.reload('file change', parts);
    }, this.env.RULES_WATCH_DEBOUNCE_MS);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
