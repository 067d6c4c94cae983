import { displayValue, humanizeField } from './display-value';

export interface EvidenceEntry {
  term: string;
  /** One description per item for lists, so a definition list can give each its own <dd>. */
  descriptions: string[];
}

/** A decision reason's evidence as definition-list entries, in the order the rule wrote them. */
export function evidenceEntries(evidence: Record<string, unknown> | null | undefined): EvidenceEntry[] {
  if (!evidence) {
    return [];
  }
  return Object.entries(evidence).map(([key, value]) => ({
    term: humanizeField(key),
    descriptions:
      Array.isArray(value) && value.length > 0
        ? value.map((item) => displayValue(item))
        : [displayValue(value)],
  }));
}
