/** A bench script's command line: its usage on --help, one line naming a wrong option otherwise. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exitOnUsage } from './script-exit';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * The options' values as parseArgs gives them (strict: an unknown option or a missing value is an error);
 * `--help` or `-h` prints `usage` and exits 0, and a wrong option ends the run with one line and the
 * usage, exit code 2, where parseArgs would throw with a stack trace.
 */
export function benchOptions<T extends OptionsConfig>(
  script: string,
  usage: string,
  options: T,
  args: string[] = process.argv.slice(2),
) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs' errors carry a message fit for a user; read it off any error-like value (in a
    // sandbox such as Jest's, Node's own errors are not instances of the sandbox's Error).
    const message = (error as { message?: unknown } | null)?.message;
    return exitOnUsage(script, `${typeof message === 'string' ? message : String(error)}\n${usage}`);
  }
}

/** A whole-number option of at least `min`, or the run ends with one line naming it (exit code 2). */
export function wholeNumberOption(script: string, name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    exitOnUsage(script, `--${name} must be a whole number, ${min} or more, not ${raw}`);
  }
  return value;
}
