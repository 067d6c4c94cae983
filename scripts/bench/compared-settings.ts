import { validateEnvironment } from '@chokepoint/config';

/** A service's environment class: its fields are the settings it reads, with their defaults. */
export type EnvironmentClass = new () => object;

export type ComparedSettings =
  { ok: true; settings: Record<string, string> } | { ok: false; problem: string };

/**
 * `NAME=VALUE,...` as a bench's --compare takes it: each name a setting of one of `environments` other
 * than the `wiring` ones (what points a service at the bench's broker, database, topics and groups),
 * each value valid as that service would check it, so that a bad one fails before any round runs
 * rather than rounds later.
 */
export function parseComparedSettings(
  text: string,
  environments: readonly EnvironmentClass[],
  wiring: ReadonlySet<string>,
): ComparedSettings {
  const owners = new Map<string, EnvironmentClass[]>();
  for (const environment of environments) {
    for (const name of Object.keys(new environment())) {
      if (!wiring.has(name)) {
        owners.set(name, [...(owners.get(name) ?? []), environment]);
      }
    }
  }
  const settings: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    if (separator < 1 || !owners.has(name)) {
      const known = [...owners.keys()].sort().join(', ');
      return {
        ok: false,
        problem: `--compare takes NAME=VALUE pairs of these settings (${known}), not ${pair}`,
      };
    }
    settings[name] = pair.slice(separator + 1).trim();
  }
  for (const environment of environments) {
    const own = Object.fromEntries(
      Object.entries(settings).filter(([name]) => owners.get(name)?.includes(environment)),
    );
    try {
      validateEnvironment(environment, own);
    } catch (error) {
      return { ok: false, problem: `--compare: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true, settings };
}

/** `NAME=VALUE, NAME=VALUE`, for the bench's lines. */
export function describeComparedSettings(settings: Record<string, string>): string {
  return Object.entries(settings)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}

export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}
