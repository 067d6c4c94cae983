import { containerNumber } from './equipment-identifiers';
import type { SimulationRandom } from './simulation-random';

/** Hands out bill of lading, booking, container and seal numbers, each unique within the simulated day. */
export class IdentifierRegistry {
  private readonly used = new Set<string>();

  constructor(private readonly random: SimulationRandom) {}

  billOfLading(scac: string, digits: number): string {
    return this.unique(() => `${scac}${this.random.digits(digits)}`);
  }

  booking(): string {
    return this.unique(() => `${this.random.int(2, 9)}${this.random.digits(8)}`);
  }

  container(ownerAndCategory: string): string {
    return this.unique(() => containerNumber(ownerAndCategory, this.random.digits(6)));
  }

  seal(prefix: string): string {
    return this.unique(() => `${prefix}${this.random.digits(7)}`);
  }

  eventId(): string {
    return this.unique(() => this.random.uuid());
  }

  private unique(make: () => string): string {
    let value = make();
    while (this.used.has(value)) {
      value = make();
    }
    this.used.add(value);
    return value;
  }
}
