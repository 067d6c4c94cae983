/** How a bench script ends on a wrong option or an error: one line on stderr naming the script. */
import { runScript as runPackageScript } from '../services';

/** A wrong option: one line that names it, exit code 2, no stack trace. */
export function exitOnUsage(script: string, message: string): never {
  process.stderr.write(`${script}: ${message}\n`);
  process.exit(2);
}

/** Runs the script's main; an error is printed with its stack and the process exits 1. */
export function runScript(script: string, main: () => Promise<void>): void {
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
