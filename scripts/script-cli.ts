/**
 * The command line of the project's scripts (benches, the fault test): --help, one line naming a wrong
 * option (exit code 2) instead of a stack trace, the stack brought up only once the options are good,
 * and one way to end on an error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runScript as runPackageScript } from './services';

/** A wrong option: one line that names it, exit code 2, no stack trace. */
export function exitOnUsage(script: string, message: string): never {
  process.stderr.write(`${script}: ${message}\n`);
  process.exit(2);
}

/** Runs the script's main; an error is printed with its stack and the process exits 1. */
export function runMain(script: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${script}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}

/**
 * Brings the stack up as `npm run stack:up` does, in the foreground, once the options are known good (so
 * that --help or a wrong option answers at once); exits 1 with one line if it fails.
 */
export function stackUpOrExit(script: string): void {
  try {
    runPackageScript('stack:up');
  } catch (error) {
    process.stderr.write(`${script}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * The options' values as parseArgs gives them (strict: an unknown option or a missing value is an error);
 * `--help` or `-h` prints `usage` and exits 0, and a wrong option ends the run with one line and the
 * usage, exit code 2, where parseArgs would throw with a stack trace.
 */
export function scriptOptions<T extends OptionsConfig>(
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
