import type { SanctionsHit, SanctionsScreener } from '@chokepoint/contracts';
import { normaliseImoNumber } from './imo-number.extractor';
import { DEFAULT_NAME_MATCH_THRESHOLD } from './name-match.config';
import { NameMatchIndex, type IndexedName } from './name-match.index';
import type { SanctionsEntry, SanctionsList } from './sanctions-list.model';

export interface SanctionsIndexOptions {
  /** Minimum name score for a hit; defaults to DEFAULT_NAME_MATCH_THRESHOLD. */
  threshold?: number;
}

interface OwnedEntry {
  listId: string;
  entry: SanctionsEntry;
}

/** Screens names and IMO numbers against every loaded list through one shared index. */
export class SanctionsIndex implements SanctionsScreener {
  readonly listVersions: Readonly<Record<string, string>>;
  readonly threshold: number;
  private readonly owners: OwnedEntry[] = [];
  private readonly names: NameMatchIndex;
  private readonly ownersByImo = new Map<string, number[]>();

  constructor(lists: readonly SanctionsList[], options: SanctionsIndexOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_NAME_MATCH_THRESHOLD;
    const versions: Record<string, string> = {};
    const indexed: IndexedName[] = [];
    for (const list of lists) {
      if (list.listId in versions) {
        throw new Error(`sanctions list loaded twice: ${list.listId}`);
      }
      versions[list.listId] = list.version;
      for (const entry of list.entries) {
        const ownerId = this.owners.length;
        this.owners.push({ listId: list.listId, entry });
        indexed.push({ ownerId, display: entry.name });
        for (const alias of entry.aliases) {
          indexed.push({ ownerId, display: alias.name });
        }
        for (const imo of entry.imoNumbers) {
          const owners = this.ownersByImo.get(imo) ?? [];
          owners.push(ownerId);
          this.ownersByImo.set(imo, owners);
        }
      }
    }
    this.listVersions = Object.freeze(versions);
    this.names = new NameMatchIndex(indexed);
  }

  /** Distinct normalised names indexed (primary names and aliases), for sizing and benchmarks. */
  get indexedNameCount(): number {
    return this.names.nameCount;
  }

  screenName(name: string): SanctionsHit[] {
    return this.screenNameAt(name, this.threshold);
  }

  /** Same as screenName with another threshold; used by the evaluation's threshold sweep. */
  screenNameAt(name: string, threshold: number): SanctionsHit[] {
    const hits: SanctionsHit[] = [];
    for (const match of this.names.search(name, threshold)) {
      const owner = this.owners[match.ownerId];
      if (owner !== undefined) {
        hits.push({
          listId: owner.listId,
          entryReference: owner.entry.reference,
          entryName: owner.entry.name,
          matchedName: match.display,
          score: Math.round(match.score * 1000) / 1000,
          matchedOn: 'NAME',
        });
      }
    }
    return hits;
  }

  screenImo(imoNumber: string): SanctionsHit[] {
    const imo = normaliseImoNumber(imoNumber);
    if (imo === undefined) {
      return [];
    }
    return (this.ownersByImo.get(imo) ?? []).flatMap((ownerId) => {
      const owner = this.owners[ownerId];
      return owner === undefined
        ? []
        : [
            {
              listId: owner.listId,
              entryReference: owner.entry.reference,
              entryName: owner.entry.name,
              matchedName: imo,
              score: 1,
              matchedOn: 'IMO' as const,
            },
          ];
    });
  }
}
