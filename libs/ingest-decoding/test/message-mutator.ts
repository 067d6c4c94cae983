/**
 * Seeded random damage to valid JSON messages: fields dropped or added, wrong types, overlong and
 * surrogate-pair strings, bad dates, bad codes, whitespace, message tokens. For differential tests that
 * must reach every constraint the decoders' classes declare, not only the cases someone thought of.
 */
export type Random = () => number;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const LENGTH_LIMITS = [3, 4, 5, 10, 11, 20, 35, 50, 65, 100, 150, 200, 300, 5000];

const STRANGE_VALUES: ReadonlyArray<(random: Random) => Json> = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e308,
  () => '',
  () => '   ',
  () => '\t\n',
  () => 'x',
  () => ({}),
  () => [],
  () => [1],
  () => ['x'],
  () => [null],
  () => [[{}]],
  () => [{}],
  () => ({ value: 1, unit: 'KGM' }),
  // Longer than a limit, in plain characters or in surrogate pairs (validator.js counts those as one).
  (random) => 'X'.repeat(pick(random, LENGTH_LIMITS) + 1),
  (random) => 'X'.repeat(pick(random, LENGTH_LIMITS)),
  (random) => '\u{1F6A2}'.repeat(pick(random, LENGTH_LIMITS)),
  (random) => '\u263A\uFE0F'.repeat(pick(random, LENGTH_LIMITS)),
  // Dates and date-times, good and bad.
  () => '2026-02-30T10:00:00Z',
  () => '2026-03-04',
  () => '2026-03-04 10:00:00Z',
  () => '2026-03-04T25:00:00Z',
  () => '2026-03-04T10:00:00+07:00',
  () => '20260304T100000Z',
  () => 'yesterday',
  // Codes: lower case, spaced, unknown, too short or long.
  () => 'vnhph',
  () => ' VN HPH ',
  () => 'XX',
  () => 'ZZZZZ',
  () => 'CAMEL',
  () => 'kgm',
  () => 'lbr',
  () => 'truck',
  () => 'ACT',
  () => 'act',
  () => 'LADEN',
  () => 'EQUIPMENT',
  () => 'transport',
  () => 'IMPORT',
  () => 'msku 266654-2',
  () => '9321483',
  () => '93A',
  () => '8401.10',
  () => '85 34 00',
  () => '2844',
  // Message tokens class-validator substitutes, and regex replacement patterns.
  () => '$value $property $target $constraint1 $& $1',
  () => 'Société  Générale\u00a0S.A. ',
];

function paths(value: Json, prefix: Array<string | number>, out: Array<Array<string | number>>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push([...prefix, index]);
      paths(item, [...prefix, index], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      paths(item, [...prefix, key], out);
    }
  }
}

function containers(value: Json, prefix: Array<string | number>, out: Array<Array<string | number>>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    out.push(prefix);
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      containers(item, [...prefix, Array.isArray(value) ? Number(key) : key], out);
    }
  }
}

function parentOf(root: Json, path: ReadonlyArray<string | number>): Json | undefined {
  let cursor: Json | undefined = root;
  for (const step of path.slice(0, -1)) {
    cursor =
      cursor !== null && typeof cursor === 'object'
        ? (cursor as Record<string | number, Json>)[step as never]
        : undefined;
  }
  return cursor;
}

/** Keys seen in valid messages, so that added fields are ones the classes know (optional ones included). */
export function keyVocabulary(messages: readonly unknown[]): string[] {
  const keys = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        keys.add(key);
        visit(item);
      }
    }
  };
  messages.forEach(visit);
  return [...keys].sort();
}

/** A deep copy of `message` with 1 to 3 random changes. */
export function mutate(message: unknown, random: Random, vocabulary: readonly string[]): unknown {
  const root = JSON.parse(JSON.stringify(message)) as Json;
  const changes = 1 + Math.floor(random() * 3);
  for (let i = 0; i < changes; i++) {
    const operation = random();
    if (operation < 0.2) {
      // Add (or overwrite) a known key somewhere, with a strange value or a copy of another subtree.
      const holders: Array<Array<string | number>> = [];
      containers(root, [], holders);
      const holderPath = pick(random, holders);
      let holder: Json = root;
      for (const step of holderPath) {
        holder = (holder as Record<string | number, Json>)[step as never] as Json;
      }
      const all: Array<Array<string | number>> = [];
      paths(root, [], all);
      const donorPath = all.length > 0 && random() < 0.3 ? pick(random, all) : undefined;
      let donor: Json | undefined;
      if (donorPath) {
        donor = root;
        for (const step of donorPath) {
          donor = (donor as Record<string | number, Json>)[step as never];
        }
      }
      (holder as Record<string, Json>)[pick(random, vocabulary)] =
        donor === undefined
          ? pick(random, STRANGE_VALUES)(random)
          : (JSON.parse(JSON.stringify(donor)) as Json);
      continue;
    }
    const all: Array<Array<string | number>> = [];
    paths(root, [], all);
    if (all.length === 0) {
      continue;
    }
    const path = pick(random, all);
    const parent = parentOf(root, path);
    const last = path[path.length - 1] as string | number;
    if (parent === null || typeof parent !== 'object' || parent === undefined) {
      continue;
    }
    const current = (parent as Record<string | number, Json>)[last as never] as Json;
    if (typeof current === 'number' && random() < 0.5) {
      // Numbers are few among the leaves: make sure ranges and integer checks are reached too.
      (parent as Record<string | number, Json>)[last as never] = pick(random, [-current - 1, current + 0.5]);
      continue;
    }
    if (operation < 0.45) {
      if (Array.isArray(parent)) {
        parent.splice(Number(last), 1);
      } else {
        delete (parent as Record<string, Json>)[last];
      }
    } else {
      (parent as Record<string | number, Json>)[last as never] = pick(random, STRANGE_VALUES)(random);
    }
  }
  return root;
}
