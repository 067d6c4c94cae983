import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isVagueDescription, meaningfulRemainder } from '../rules/vague-description.rule';
import { defaultRulePack } from '../testing/test-context';
import { KeywordMatcher, normaliseText } from './keyword-matcher';

// The definitions the fast paths must agree with: Unicode folding plus one regular expression.
function referenceNormalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function referenceRemainder(
  matcher: KeywordMatcher,
  normalised: string,
  fillers: ReadonlySet<string>,
): string {
  return matcher
    .strip(normalised)
    .split(' ')
    .filter((word) => word.length > 1 && !/^\d+[a-z]*$/.test(word) && !fillers.has(word))
    .join(' ');
}

/** Real goods descriptions (HS 2022 texts) plus the awkward cases: plurals, vague terms, numbers. */
function corpus(): string[] {
  const csv = readFileSync(join(__dirname, '../../../reference-data/data/harmonized-system.csv'), 'utf8');
  const descriptions = csv
    .split('\n')
    .slice(1)
    .map((line) => line.slice(line.indexOf(',') + 1).replace(/"/g, ''))
    .filter((text) => text.length > 0);
  return [
    ...descriptions.filter((_, index) => index % 3 === 0),
    ...descriptions.filter((_, index) => index % 7 === 0).map((text) => text.toUpperCase()),
    'PARTS',
    'SPARE PARTS AND ACCESSORIES',
    'STC 20 PALLETS MACHINERY',
    'FAK',
    'general cargoes',
    'machine partses',
    'Said to contain: 1,200 CTNS of consolidated cargo',
    'GAS CENTRIFUGES, rotor assemblies',
    'rifles rifle rifleman',
    'maraging steel tubes, 5-axis CNC machines',
    'Máy CNC 5 trục và phụ tùng (spare parts)',
    'Đồ gia dụng — household goods',
    '  leading and trailing   spaces  ',
    '40HC 2X20GP samples samples',
    '',
    '---',
  ];
}

describe('normaliseText', () => {
  it.each([
    ['Frozen Shrimps, peeled; 20 kg cartons', 'frozen shrimps peeled 20 kg cartons'],
    ['  MARAGING-STEEL  ', 'maraging steel'],
    ['Máy CNC 5 trục', 'may cnc 5 truc'],
    ['Đường kính', 'duong kinh'],
    ['!!!', ''],
  ])('%p → %p', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });

  it('agrees with the Unicode folding definition on real goods descriptions', () => {
    const disagreements = corpus().filter((text) => normaliseText(text) !== referenceNormalise(text));

    expect(disagreements).toEqual([]);
  });
});

describe('KeywordMatcher', () => {
  const pack = defaultRulePack();

  it('prefers the longest term and tolerates plurals on whole words only', () => {
    const matcher = new KeywordMatcher([
      { term: 'steel', category: 'OTHER' },
      { term: 'maraging steel', category: 'NUCLEAR' },
      { term: 'rifle', category: 'MILITARY' },
    ]);

    expect(matcher.match('Maraging steels and rifles, not a rifleman').map((hit) => hit.term)).toEqual([
      'maraging steel',
      'rifle',
    ]);
    expect(matcher.strip('maraging steels and rifles not a rifleman')).toBe('and not a rifleman');
  });

  it('walks the words strip() leaves, for normalised text and for anything else', () => {
    const words = (text: string): string[] => {
      const seen: string[] = [];
      pack.vagueTerms.forEachRemainingWord(text, (word) => seen.push(word) > 0);
      return seen;
    };
    const disagreements = corpus()
      .flatMap((text) => [normaliseText(text), text])
      .filter((text) => words(text).join(' ') !== pack.vagueTerms.strip(text));

    expect(disagreements).toEqual([]);
  });

  it('stops walking when the visitor has seen enough', () => {
    const seen: string[] = [];

    pack.vagueTerms.forEachRemainingWord('spare parts frozen fish fillets', (word) => {
      seen.push(word);
      return false;
    });

    expect(seen).toEqual(['frozen']);
  });
});

describe('vague descriptions', () => {
  const pack = defaultRulePack();

  it('meaningfulRemainder matches the strip-and-filter definition', () => {
    const disagreements = corpus()
      .map(normaliseText)
      .filter(
        (text) =>
          meaningfulRemainder(text, pack) !==
          referenceRemainder(pack.vagueTerms, text, pack.vagueFillerWords),
      );

    expect(disagreements).toEqual([]);
  });

  it('isVagueDescription says what the full remainder says, for every description', () => {
    const texts = corpus().map(normaliseText);
    const disagreements = texts.filter(
      (text) =>
        isVagueDescription(text, pack) !==
        meaningfulRemainder(text, pack).length < pack.vagueMinMeaningfulLength,
    );

    expect(texts.filter((text) => isVagueDescription(text, pack)).length).toBeGreaterThan(5);
    expect(disagreements).toEqual([]);
  });
});
