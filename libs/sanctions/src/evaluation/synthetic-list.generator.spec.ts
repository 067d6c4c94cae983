import { normaliseName } from '../party-name.normaliser';
import type { SanctionsList } from '../sanctions-list.model';
import { SeededRandom } from './seeded-random';
import { buildSyntheticList, pronounceableToken } from './synthetic-list.generator';

const base: SanctionsList = {
  listId: 'base',
  version: '1',
  entries: [
    {
      reference: 'P-1',
      kind: 'INDIVIDUAL',
      name: 'Abu Bakr al-Baghdadi',
      aliases: [
        { name: 'Ibrahim Awwad Ibrahim', weak: false },
        { name: 'Dr. Ibrahim', weak: true },
      ],
      imoNumbers: [],
    },
    { reference: 'P-2', kind: 'INDIVIDUAL', name: 'Mohammed Yusuf Karim', aliases: [], imoNumbers: [] },
    {
      reference: 'E-1',
      kind: 'ENTITY',
      name: 'Hunjin Trading Co. Ltd',
      aliases: [{ name: 'Korea Hunjin Trading', weak: false }],
      imoNumbers: ['9244661'],
    },
    { reference: 'X-1', kind: 'ENTITY', name: 'عبدالخالق', aliases: [], imoNumbers: [] },
  ],
};

function vocabulary(list: SanctionsList): Set<string> {
  return new Set(
    list.entries.flatMap((entry) =>
      [entry.name, ...entry.aliases.map((alias) => alias.name)].flatMap((name) => normaliseName(name)),
    ),
  );
}

describe('buildSyntheticList', () => {
  const list = buildSyntheticList([base], { scale: 50 }, new SeededRandom(7));

  it('is the same for the same seed', () => {
    expect(buildSyntheticList([base], { scale: 50 }, new SeededRandom(7))).toEqual(list);
  });

  it('makes `scale` entries per Latin-script base entry, with its kind and number of aliases', () => {
    expect(list.entries).toHaveLength(150);
    expect(list.entries.filter((entry) => entry.kind === 'ENTITY')).toHaveLength(50);
    expect(
      list.entries.filter((entry) => entry.kind === 'INDIVIDUAL').map((entry) => entry.aliases.length),
    ).toEqual(expect.arrayContaining([0, 2]));
    expect(new Set(list.entries.map((entry) => entry.reference)).size).toBe(150);
  });

  it('keeps particles, legal forms and weak descriptors from the template', () => {
    const people = list.entries.filter((entry) => entry.reference.endsWith('P-1'));
    expect(people.every((entry) => /^Abu \S+ al-\S+$/.test(entry.name))).toBe(true);
    const companies = list.entries.filter((entry) => entry.reference.endsWith('E-1'));
    expect(companies.every((entry) => / Trading Co\. Ltd$/.test(entry.name))).toBe(true);
  });

  it('mixes real tokens of the same kind with new pronounceable ones, and grows the vocabulary', () => {
    const real = vocabulary(base);
    const synthetic = vocabulary(list);
    expect([...synthetic].filter((token) => real.has(token)).length).toBeGreaterThan(5);
    expect(synthetic.size).toBeGreaterThan(3 * real.size);
    expect(list.entries.some((entry) => entry.kind === 'INDIVIDUAL' && /HUNJIN/i.test(entry.name))).toBe(
      false,
    );
  });

  it('grows the new vocabulary slower than the list (Heaps law)', () => {
    const small = vocabulary(buildSyntheticList([base], { scale: 20 }, new SeededRandom(1))).size;
    const large = vocabulary(buildSyntheticList([base], { scale: 200 }, new SeededRandom(1))).size;
    expect(large).toBeGreaterThan(small);
    expect(large).toBeLessThan(10 * small);
  });

  it('refuses a base with no Latin-script names', () => {
    const arabicOnly: SanctionsList = { ...base, entries: base.entries.slice(3) };
    expect(() => buildSyntheticList([arabicOnly], { scale: 1 }, new SeededRandom(1))).toThrow('Latin-script');
  });

  it.each([1, 2, 3, 4, 5])('makes pronounceable tokens (seed %d)', (seed) => {
    expect(pronounceableToken(new SeededRandom(seed))).toMatch(/^[A-Z]{2,12}$/);
  });
});
