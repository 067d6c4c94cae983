import type { SanctionsHit, SanctionsScreener } from '@chokepoint/contracts';
import { normaliseImoNumber } from './imo-number.extractor';
import { screeningNamesOfEntry } from './listed-name.splitter';
import { DEFAULT_NAME_MATCH_THRESHOLD } from './name-match.config';
import { NameMatchIndex, type IndexedName } from './name-match.index';
import type { SanctionsEntry, SanctionsList } from './sanctions-list.model';

export interface SanctionsIndexOptions {
  /** Minimum name score for a hit; defaults to DEFAULT_NAME_MATCH_THRESHOLD. */
  threshold?: number;
  /**
   * Screened names whose result is kept, keyed by normalised name and threshold, from their second
   * sighting (parties repeat a lot in real traffic; names seen once cost no cache entry). Defaults
   * to DEFAULT_CACHED_QUERIES; 0 disables. The index never changes, so a cached result never goes
   * stale: a new list version means a new index.
   */
  cachedNames?: number;
  /** Name tokens whose list matches are kept, likewise; defaults to DEFAULT_CACHED_TOKENS, 0 disables. */
  cachedTokens?: number;
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
        // Names as listed, then each without its bracketed part and a bracketed acronym (exact only).
        for (const { display, exact, derived } of screeningNamesOfEntry(entry)) {
          indexed.push({ ownerId, display, exact, derived });
        }
        for (const imo of entry.imoNumbers) {
          const owners = this.ownersByImo.get(imo) ?? [];
          owners.push(ownerId);
          this.ownersByImo.set(imo, owners);
        }
      }
    }
    this.listVersions = Object.freeze(versions);
    this.names = new NameMatchIndex(indexed, {
      cachedQueries: options.cachedNames,
      cachedTokens: options.cachedTokens,
    });
  }

  /**
   * Distinct normalised names indexed for fuzzy matching (primary names, aliases, and both without
   * a bracketed part), for sizing and benchmarks.
   */
  get indexedNameCount(): number {
    return this.names.nameCount;
  }

  /** Bracketed acronyms screened as exact-only names ("DICO" of "DOOSTAN INTERNATIONAL COMPANY (DICO)"). */
  get indexedAcronymCount(): number {
    return this.names.exactNameCount;
  }

  /** Distinct normalised tokens indexed, for sizing and benchmarks. */
  get indexedTokenCount(): number {
    return this.names.tokenCount;
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
