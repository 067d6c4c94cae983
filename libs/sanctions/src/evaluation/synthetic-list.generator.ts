import { LEGAL_FORM_WORDS, WEAK_DESCRIPTOR_WORDS } from '../party-name.normaliser';
import type { SanctionsAlias, SanctionsEntry, SanctionsList } from '../sanctions-list.model';
import { perturbName, type PerturbationKind } from './name-perturbation.generator';
import type { SeededRandom } from './seeded-random';

/**
 * A large list shaped like a real one, for benchmarks: each synthetic entry takes a real entry as
 * template (kind, number of tokens, number of aliases, structural words) and fills it with
 *
 * - real name tokens drawn by their frequency on the base list, so MOHAMMED, AL and KOREA stay as
 *   common as they are on real lists and their postings grow with the list;
 * - new pronounceable tokens (syllables such as "KA", "RIM", "SHO") drawn from a Pitman-Yor
 *   process: most draws reuse a new token already made, in proportion to its use, and new ones keep
 *   appearing at a falling rate, so vocabulary grows sub-linearly (Heaps' law) with a long tail,
 *   as surnames and company words do on real lists.
 *
 * Name particles (AL, ABU, BIN, the AL- of AL-BAGHDADI), legal forms and weak descriptors are kept
 * from the template, which keeps "X Y TRADING CO LTD" and "ABU X AL-Y" shapes; real tokens come from
 * names of the same kind (people's names for people). Aliases are the new primary name
 * transliterated, reordered or shortened, or another recombined name, as list aliases are.
 */
export interface SyntheticListOptions {
  /** Synthetic entries per base entry. */
  scale: number;
  /** Share of replaced tokens that are new (not on the base list); the rest are real tokens. */
  newTokenShare?: number;
  /** Pitman-Yor discount (0–1): higher grows the new vocabulary faster. */
  vocabularyDiscount?: number;
  /** Pitman-Yor concentration: how many new tokens appear early on. */
  vocabularyConcentration?: number;
  listId?: string;
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\p{M}\s]+$/u;
const ONSETS = [
  'B',
  'D',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'T',
  'V',
  'W',
  'Z',
  'KH',
  'SH',
  'CH',
  'TH',
  'GH',
  'TR',
  'BR',
  'ST',
  'KR',
  'DR',
  '',
];
const NUCLEI = ['A', 'E', 'I', 'O', 'U', 'A', 'I', 'O', 'AI', 'OU', 'IA', 'EO'];
const CODAS = ['', '', '', 'N', 'R', 'L', 'M', 'S', 'K', 'D', 'T', 'NG'];
// Lists publish other transliterations, orders and shortenings of a name, not random typos: those
// are the screened side's problem (and would fill every common token's neighbourhood with noise).
const ALIAS_VARIANTS: readonly PerturbationKind[] = ['TRANSLITERATION', 'SWAPPED_ORDER', 'DROPPED_TOKEN'];
const MAX_ALIASES = 8;

/** A pronounceable made-up name token of two or three syllables. */
export function pronounceableToken(random: SeededRandom): string {
  const syllables = 2 + (random.next() < 0.35 ? 1 : 0);
  let token = '';
  for (let i = 0; i < syllables; i++) {
    token += random.pick(ONSETS) + random.pick(NUCLEI) + (i === syllables - 1 ? random.pick(CODAS) : '');
  }
  return token;
}

/** New-vocabulary source: a Chinese-restaurant approximation of a Pitman-Yor process. */
class NewVocabulary {
  private readonly draws: string[] = [];
  private distinct = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly discount: number,
    private readonly concentration: number,
  ) {}

  get size(): number {
    return this.distinct;
  }

  draw(): string {
    const n = this.draws.length;
    const createNew =
      this.random.next() < (this.concentration + this.discount * this.distinct) / (this.concentration + n);
    const token = createNew || n === 0 ? pronounceableToken(this.random) : this.random.pick(this.draws);
    if (createNew || n === 0) {
      this.distinct++;
    }
    this.draws.push(token);
    return token;
  }
}

// Particles of personal and company names that stay as they are in the template.
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'AL',
  'EL',
  'AS',
  'AD',
  'AN',
  'AR',
  'AT',
  'AZ',
  'UL',
  'UD',
  'ABU',
  'ABOU',
  'BIN',
  'BEN',
  'IBN',
  'BINT',
  'UMM',
  'ABD',
  'ABDUL',
  'ABDEL',
  'OF',
  'THE',
  'AND',
  'FOR',
  'DE',
  'DA',
  'DI',
  'DU',
  'LA',
  'LE',
  'VAN',
  'VON',
]);

function bare(token: string): string {
  return token.toUpperCase().replace(/[^A-Z]/g, '');
}

function isStructural(token: string): boolean {
  const word = bare(token);
  return (
    word.length === 0 ||
    NAME_PARTICLES.has(word) ||
    LEGAL_FORM_WORDS.has(word) ||
    WEAK_DESCRIPTOR_WORDS.has(word)
  );
}

/** "AL-" of "AL-BAGHDADI" when the part before the hyphen is a particle, else "". */
function particlePrefix(token: string): string {
  const hyphen = token.indexOf('-');
  return hyphen > 0 && NAME_PARTICLES.has(bare(token.slice(0, hyphen))) ? token.slice(0, hyphen + 1) : '';
}

function latinNames(entry: SanctionsEntry): string[] {
  return [entry.name, ...entry.aliases.map((alias) => alias.name)].filter((name) => LATIN_ONLY.test(name));
}

/** Seeded: the same base, options and seed give the same list. */
export function buildSyntheticList(
  base: readonly SanctionsList[],
  options: SyntheticListOptions,
  random: SeededRandom,
): SanctionsList {
  const templates = base.flatMap((list) => list.entries).filter((entry) => latinNames(entry).length > 0);
  if (templates.length === 0) {
    throw new Error('synthetic list: the base lists have no Latin-script names to take shapes from');
  }
  // Every occurrence, so a uniform pick is a pick by frequency; people's names apart from the rest.
  const tokensOf = (entries: readonly SanctionsEntry[]): string[] =>
    entries.flatMap((entry) =>
      latinNames(entry).flatMap((name) =>
        name
          .split(/\s+/)
          .filter((token) => !isStructural(token))
          .map((token) => token.slice(particlePrefix(token).length)),
      ),
    );
  const realTokensByKind = new Map<SanctionsEntry['kind'], string[]>();
  for (const kind of new Set(templates.map((entry) => entry.kind))) {
    realTokensByKind.set(kind, tokensOf(templates.filter((entry) => entry.kind === kind)));
  }
  const newTokenShare = options.newTokenShare ?? 0.5;
  const vocabulary = new NewVocabulary(
    random,
    options.vocabularyDiscount ?? 0.7,
    options.vocabularyConcentration ?? 200,
  );

  const recombine = (shape: string, kind: SanctionsEntry['kind']): string => {
    const realTokens = realTokensByKind.get(kind) ?? [];
    return shape
      .split(/\s+/)
      .filter((token) => token.length > 0)
      .map((token) => {
        if (isStructural(token)) {
          return token;
        }
        const prefix = particlePrefix(token);
        const replacement =
          random.next() < newTokenShare || realTokens.length === 0
            ? vocabulary.draw()
            : random.pick(realTokens);
        return prefix + replacement;
      })
      .join(' ');
  };

  const entries: SanctionsEntry[] = [];
  for (let copy = 0; copy < options.scale; copy++) {
    for (const template of templates) {
      const [primaryShape = template.name, ...aliasShapes] = latinNames(template);
      const name = recombine(primaryShape, template.kind);
      const aliases: SanctionsAlias[] = aliasShapes.slice(0, MAX_ALIASES).map((shape) => {
        const variant =
          random.next() < 0.6 ? perturbName(name, random.pick(ALIAS_VARIANTS), random) : undefined;
        return { name: variant ?? recombine(shape, template.kind), weak: false };
      });
      entries.push({
        reference: `SYN-${copy}-${template.reference}`,
        kind: template.kind,
        name,
        aliases,
        imoNumbers: [],
      });
    }
  }
  return {
    listId: options.listId ?? `synthetic-x${options.scale}`,
    version: 'synthetic',
    entries,
  };
}
