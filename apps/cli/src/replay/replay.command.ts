import type { CliStreams } from '../cli.streams';
import { REPLAY_EXIT_CODES, ReplayException } from './replay.exception';
import { parseReplayArguments, REPLAY_USAGE, type ReplayOptions } from './replay.options';

/** `chokepoint replay …`: returns the exit code; decisions go to stdout, people's text to stderr. */
export async function runReplayCommand(argv: readonly string[], streams: CliStreams): Promise<number> {
  let options: ReplayOptions;
  try {
    options = parseReplayArguments(argv);
  } catch (error) {
    if (error instanceof ReplayException) {
      streams.stderr.write(`chokepoint replay: ${error.message}\n\n${REPLAY_USAGE}`);
      return error.exitCode;
    }
    throw error;
  }
  if (options.help) {
    streams.stdout.write(REPLAY_USAGE);
    return REPLAY_EXIT_CODES.ok;
  }
  try {
    // Decoders, engine and sanctions load only now: --help and argument errors answer at once.
    const { runReplay } = await import('./replay-run');
    return await runReplay(options, streams);
  } catch (error) {
    if (error instanceof ReplayException) {
      streams.stderr.write(`chokepoint: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
