import type { ConsignmentManifest } from '@chokepoint/contracts';
import type { RulePack } from '../rule-pack/rule-pack.types';
import type { GoodsFacts } from '../rules/rule.types';

/**
 * Goods lookups (HS lists, keywords, vague text) of a manifest version, kept by a host that holds
 * consignment states in memory, so re-screening on each movement does not redo them. Optional: a
 * host that loads states from a database gets new objects every time and gains nothing from one.
 */
export interface GoodsFactsCache {
  get(manifest: ConsignmentManifest, pack: RulePack): GoodsFacts[] | undefined;
  set(manifest: ConsignmentManifest, pack: RulePack, facts: GoodsFacts[]): void;
}

interface Entry {
  manifest: ConsignmentManifest;
  pack: RulePack;
  facts: GoodsFacts[];
}

/**
 * One entry per consignment (its current manifest version), replaced on amendment: memory follows the
 * host's own consignment count. Keyed by identity rather than through a WeakMap, whose per-entry
 * garbage-collection cost showed up as a third of a fresh manifest's screening time.
 */
export class ConsignmentGoodsFactsCache implements GoodsFactsCache {
  private readonly entries = new Map<string, Entry>();

  get(manifest: ConsignmentManifest, pack: RulePack): GoodsFacts[] | undefined {
    const entry = this.entries.get(manifest.transportDocumentReference);
    return entry !== undefined && entry.manifest === manifest && entry.pack === pack
      ? entry.facts
      : undefined;
  }

  set(manifest: ConsignmentManifest, pack: RulePack, facts: GoodsFacts[]): void {
    this.entries.set(manifest.transportDocumentReference, { manifest, pack, facts });
  }

  forget(consignmentId: string): void {
    this.entries.delete(consignmentId);
  }

  get size(): number {
    return this.entries.size;
  }
}
