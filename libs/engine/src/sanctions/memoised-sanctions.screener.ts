import type { SanctionsHit, SanctionsScreener } from '@chokepoint/contracts';

export const DEFAULT_SANCTIONS_MEMO_CAPACITY = 50_000;

/**
 * Remembers the answers of a screener for the names it was asked about, across consignments: the same
 * shippers and consignees come back day after day, and a fuzzy search of a large list costs far more
 * than a map lookup. Answers depend only on the name and the loaded lists, which a screener never
 * changes (a new list version means a new screener, and so a new memo), so decisions are unchanged.
 *
 * Bounded with two generations: names asked in the current or the previous generation are kept; when
 * the current one fills up, the previous one is dropped. Memory stays under twice the capacity.
 */
export class MemoisedSanctionsScreener implements SanctionsScreener {
  readonly listVersions: Readonly<Record<string, string>>;
  private current = new Map<string, SanctionsHit[]>();
  private previous = new Map<string, SanctionsHit[]>();
  private lookups = 0;
  private misses = 0;

  constructor(
    private readonly screener: SanctionsScreener,
    private readonly capacity: number = DEFAULT_SANCTIONS_MEMO_CAPACITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`sanctions memo capacity must be a positive integer, got ${capacity}`);
    }
    this.listVersions = screener.listVersions;
  }

  screenName(name: string): SanctionsHit[] {
    this.lookups += 1;
    let hits = this.current.get(name);
    if (hits !== undefined) {
      return hits;
    }
    hits = this.previous.get(name);
    if (hits === undefined) {
      this.misses += 1;
      // Shared by every consignment that names this party: frozen so no caller can alter another's.
      hits = Object.freeze(this.screener.screenName(name).map((hit) => Object.freeze(hit))) as SanctionsHit[];
    }
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(name, hits);
    return hits;
  }

  /** IMO numbers are exact map lookups already; nothing to gain from remembering them. */
  screenImo(imoNumber: string): SanctionsHit[] {
    return this.screener.screenImo(imoNumber);
  }

  /** Names answered from memory versus screened, for logs and benchmarks. */
  stats(): { lookups: number; misses: number; remembered: number } {
    return { lookups: this.lookups, misses: this.misses, remembered: this.current.size + this.previous.size };
  }
}
