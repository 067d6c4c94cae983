import { legalFormOf, tokeniseName } from './party-name.normaliser';
import type { SanctionsEntry } from './sanctions-list.model';

/** A name to screen against, derived from a name as a list publishes it. */
export interface ScreeningName {
  display: string;
  /**
   * Matches only a query spelt the same once normalised: an acronym, whose every letter is a word,
   * so one edit makes another party ("DICO" and "DISCO").
   */
  exact: boolean;
  /**
   * Made from the listed name rather than published as such: indexed, but not counted again in
   * token weights (a name without its acronym does not make its words more common on the list).
   */
  derived: boolean;
}

/** A bracketed acronym shorter than this ("(LJ)") is not screened on its own. */
export const MIN_ACRONYM_LETTERS = 3;

// Lists put several names in one field, separated by semicolons (UN CDe.003).
const NAME_SEPARATOR = /\s*;\s*/;
const PARENTHESISED = /\(([^()]*)\)/g;
const PARENTHESISED_WITH_SPACE = /\s*\([^()]*\)\s*/g;
// One word of letters, optionally dotted or hyphenated: DICO, JuA, AAS-T, J.A.T.
const ACRONYM_SHAPE = /^[\p{L}.]+(?:-[\p{L}.]+)*$/u;

/** Whether `letters` reads, in order, out of `within` (DICO out of DOOSTANINTERNATIONALCOMPANY). */
function isSubsequence(letters: string, within: string): boolean {
  let at = 0;
  for (let i = 0; i < within.length && at < letters.length; i++) {
    if (within.charAt(i) === letters.charAt(at)) {
      at++;
    }
  }
  return at === letters.length;
}

/**
 * The bracketed part of a name is its acronym when it is one word of at least MIN_ACRONYM_LETTERS
 * letters that starts with the name's first letter and reads in order out of the name's letters.
 * Qualifiers fail that: "AL-HARAMAIN FOUNDATION (KENYA)", "TOUS POUR LA PAIX (NGO)", "(HONG KONG)".
 */
function acronymOf(bracketed: string, name: string): string | undefined {
  const acronym = bracketed.trim();
  if (!ACRONYM_SHAPE.test(acronym)) {
    return undefined;
  }
  const letters = tokeniseName(acronym).join('');
  const nameLetters = tokeniseName(name).join('');
  return letters.length >= MIN_ACRONYM_LETTERS &&
    legalFormOf(letters) === undefined &&
    letters.charAt(0) === nameLetters.charAt(0) &&
    isSubsequence(letters, nameLetters)
    ? acronym
    : undefined;
}

/**
 * What a listed name is screened as, the name as written first: then each name of a field that
 * holds several; each without its bracketed parts, since bills of lading leave them out
 * ("DOOSTAN INTERNATIONAL COMPANY" scored 0.84 against "DOOSTAN INTERNATIONAL COMPANY (DICO)": the
 * acronym is a whole unmatched token); and a bracketed acronym on its own, exact only.
 * Done when indexing rather than in scoring, so the score, its bounds and search() ==
 * searchExhaustive() stay as they are; the list is not changed either, so what an entry publishes
 * stays apart from how the index screens it.
 */
export function screeningNamesOf(listedName: string): ScreeningName[] {
  const names: ScreeningName[] = [{ display: listedName, exact: false, derived: false }];
  const parts = listedName.split(NAME_SEPARATOR);
  for (const part of parts) {
    const name = part.trim();
    if (name.length === 0) {
      continue;
    }
    if (parts.length > 1) {
      names.push({ display: name, exact: false, derived: true });
    }
    const bracketed = [...name.matchAll(PARENTHESISED)].map((match) => match[1] ?? '');
    if (bracketed.length === 0) {
      continue;
    }
    const without = name.replace(PARENTHESISED_WITH_SPACE, ' ').replace(/\s+/g, ' ').trim();
    if (tokeniseName(without).length === 0) {
      continue;
    }
    names.push({ display: without, exact: false, derived: true });
    for (const inner of bracketed) {
      const acronym = acronymOf(inner, without);
      if (acronym !== undefined) {
        names.push({ display: acronym, exact: true, derived: true });
      }
    }
  }
  return names;
}

/**
 * Every name an entry is screened as: its primary name and aliases as listed first, then what is
 * derived from them, so that a derived name with the same tokens as a listed one adds nothing.
 */
export function screeningNamesOfEntry(entry: SanctionsEntry): ScreeningName[] {
  const names = [entry.name, ...entry.aliases.map((alias) => alias.name)].flatMap(screeningNamesOf);
  return [...names.filter((name) => !name.derived), ...names.filter((name) => name.derived)];
}
