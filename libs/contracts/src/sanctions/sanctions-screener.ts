/** A match of a party name or an IMO number against an entry of a sanctions list. */
export interface SanctionsHit {
  /** The list, e.g. "un-sc-consolidated". */
  listId: string;
  /** The entry's reference number on that list (UN: REFERENCE_NUMBER, e.g. "KPe.001"). */
  entryReference: string;
  /** The entry's primary name. */
  entryName: string;
  /** The name or alias that matched (or the IMO number). */
  matchedName: string;
  /** Similarity from 0 to 1; 1 for an exact IMO match. */
  score: number;
  matchedOn: 'NAME' | 'IMO';
}

/** What the screening engine needs from sanctions lists; implemented in libs/sanctions. */
export interface SanctionsScreener {
  /** Version of every list loaded, by list id (recorded on each decision). */
  readonly listVersions: Readonly<Record<string, string>>;
  screenName(name: string): SanctionsHit[];
  screenImo(imoNumber: string): SanctionsHit[];
}
