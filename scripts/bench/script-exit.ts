/** How a bench script ends on a wrong option or an error: one line on stderr naming the script. */

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
