/** One party on a sanctions list, whatever list it came from. */
export interface SanctionsEntry {
  /** The list's own reference number (UN: REFERENCE_NUMBER, e.g. "KPe.001"). */
  reference: string;
  kind: 'INDIVIDUAL' | 'ENTITY' | 'VESSEL';
  /** Primary name as displayed on the list. */
  name: string;
  /** Aliases and original-script names, display form, without the primary name. */
  aliases: SanctionsAlias[];
  /** Seven-digit IMO ship or company numbers mentioned by the list. */
  imoNumbers: string[];
}

/** A loaded list: any list an operator adds is mapped to this shape. */
export interface SanctionsList {
  /** Stable id recorded on hits, e.g. "un-sc-consolidated". */
  listId: string;
  /** The list's own version stamp (UN: the dateGenerated date), recorded on every decision. */
  version: string;
  entries: SanctionsEntry[];
}

export interface SanctionsAlias {
  name: string;
  /** The list marks it as a weak or low-quality alias (UN: QUALITY "Low"); still screened, reported as such. */
  weak: boolean;
}
