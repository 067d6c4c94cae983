import { UN_CONSOLIDATED_LIST_ID } from '@chokepoint/sanctions';

export interface SanctionsSource {
  listId: string;
  /** A file path or an http(s) URL. */
  location: string;
}

const WITH_LIST_ID = /^([a-z0-9][a-z0-9-]*)=(.+)$/i;

/** `file.xml,eu=https://…/list.xml` → sources; an entry without `id=` is the UN consolidated list. */
export function parseSanctionsSources(raw: string): SanctionsSource[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const match = WITH_LIST_ID.exec(entry);
      // A bare URL never matches: its scheme ends in ':' before any '='.
      if (match?.[1] !== undefined && match[2] !== undefined) {
        return { listId: match[1], location: match[2] };
      }
      return { listId: UN_CONSOLIDATED_LIST_ID, location: entry };
    });
}

export function isLocalFile(source: SanctionsSource): boolean {
  return !/^https?:\/\//i.test(source.location);
}
