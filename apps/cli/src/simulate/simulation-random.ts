import { SeededRandom } from '@chokepoint/sanctions';

const HOUR_MS = 3_600_000;

/** The simulator's only source of chance: seeded, so the same seed gives byte-identical output. */
export class SimulationRandom {
  private readonly random: SeededRandom;

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
  }

  /** The underlying generator, for library functions that take one (name perturbation). */
  get seeded(): SeededRandom {
    return this.random;
  }

  next(): number {
    return this.random.next();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + this.random.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.random.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.random.sample(items, count);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.random.sample(items, items.length);
  }

  /** One item, each with its weight; weights need not sum to one. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.random.next() * total;
    for (const [item, weight] of entries) {
      point -= weight;
      if (point < 0) {
        return item;
      }
    }
    const last = entries[entries.length - 1];
    if (!last) {
      throw new Error('weighted pick from an empty list');
    }
    return last[0];
  }

  /** Milliseconds uniformly between two durations given in hours, rounded to the second. */
  hours(min: number, max: number): number {
    return Math.round(((min + this.random.next() * (max - min)) * HOUR_MS) / 1000) * 1000;
  }

  digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i++) {
      text += String(this.random.int(10));
    }
    return text;
  }

  /** A version-4-shaped UUID from the seeded stream (DCSA event ids are UUIDs). */
  uuid(): string {
    const hex = (count: number): string => {
      let text = '';
      for (let i = 0; i < count; i++) {
        text += this.random.int(16).toString(16);
      }
      return text;
    };
    const variant = (8 + this.random.int(4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}
