import type { HsListEntry } from './rule-pack.types';

const PREFIX_LENGTHS = [2, 4, 6, 8, 10] as const;

/** HS list entries keyed by their code, so a lookup costs at most five map probes per HS code. */
export class HsIndex {
  private readonly byPrefix = new Map<string, HsListEntry[]>();

  constructor(entries: readonly HsListEntry[]) {
    for (const entry of entries) {
      const bucket = this.byPrefix.get(entry.code);
      if (bucket) {
        bucket.push(entry);
      } else {
        this.byPrefix.set(entry.code, [entry]);
      }
    }
  }

  get size(): number {
    return this.byPrefix.size;
  }

  /** Every entry whose code is a prefix of the given HS code (chapter, heading, subheading). */
  lookup(hsCode: string): HsListEntry[] {
    let found: HsListEntry[] | undefined;
    for (const length of PREFIX_LENGTHS) {
      if (length > hsCode.length) {
        break;
      }
      const bucket = this.byPrefix.get(hsCode.slice(0, length));
      if (bucket) {
        found = found ? found.concat(bucket) : bucket.slice();
      }
    }
    return found ?? [];
  }
}
