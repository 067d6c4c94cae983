import 'reflect-metadata';
import type { CliStreams } from './cli.streams';

type Command = (argv: readonly string[], streams: CliStreams) => Promise<number>;

interface CommandEntry {
  summary: string;
  /** Loaded on demand, so that each command pulls in only its own dependencies at start-up. */
  load: () => Promise<Command>;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  replay: {
    summary: 'replay recorded Kafka records through decoding and screening; backtest a rule pack',
    load: async () => (await import('./replay/replay.command')).runReplayCommand,
  },
  simulate: {
    summary: 'generate a realistic port day (DCSA messages with planted risks) as NDJSON or into Kafka',
    load: async () => (await import('./simulate/simulate.command')).runSimulateCommand,
  },
  'quality-report': {
    summary: 'simulate a planted port day, replay it and compare the decisions with the ground truth',
    load: async () => (await import('./quality/quality-report.command')).runQualityReportCommand,
  },
};

const USAGE = `Usage: chokepoint <command> [options]

Commands
${Object.entries(COMMANDS)
  .map(([name, entry]) => `  ${name.padEnd(15)} ${entry.summary}`)
  .join('\n')}

Run "chokepoint <command> --help" for a command's options.
`;

const EXIT_BAD_ARGUMENTS = 2;
const EXIT_FAILED = 1;

export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? streams.stderr : streams.stdout).write(USAGE);
    return name === undefined ? EXIT_BAD_ARGUMENTS : 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    streams.stderr.write(`chokepoint: unknown command ${name}\n\n${USAGE}`);
    return EXIT_BAD_ARGUMENTS;
  }
  const command = await entry.load();
  return command(rest, streams);
}

/** Runs the command line of this process and sets its exit code (bin/chokepoint.js calls this). */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const streams: CliStreams = {
    // Touched only by a command that reads standard input (`--input -`).
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
  runCli(argv, streams).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not a user error: the stack helps whoever reports it.
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`chokepoint: unexpected failure: ${detail}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}

if (require.main === module) {
  main();
}
