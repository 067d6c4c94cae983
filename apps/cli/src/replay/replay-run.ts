import { open, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { DEFAULT_RULE_PACK_PATH, type RulePack } from '@chokepoint/engine';
import type { CliStreams } from '../cli.streams';
import { ProgressBar } from './progress-bar';
import { compareOutcomes } from './replay-comparison';
import { loadReplayRulePack, loadReplaySanctions } from './replay-setup.loader';
import { describeError, REPLAY_ERROR_CODES, REPLAY_EXIT_CODES, ReplayException } from './replay.exception';
import type { ReplayOptions } from './replay.options';
import { formatReplaySummary, type RunDescription } from './replay.summary';
import { ReplayUseCase } from './replay.usecase';
import { ScreeningRun } from './screening-run';

/** Output is gathered per input chunk and written in one go, waiting when the reader is slower. */
class OutputBuffer {
  private lines: string[] = [];
  private failure: Error | null = null;

  constructor(private readonly stream: NodeJS.WritableStream) {
    // A closed pipe (`| head`) must end the replay with a message, not crash it.
    stream.on('error', (error: Error) => {
      this.failure = error;
    });
  }

  push(value: unknown): void {
    this.lines.push(JSON.stringify(value));
  }

  async flush(): Promise<void> {
    this.check();
    if (this.lines.length === 0) {
      return;
    }
    const text = `${this.lines.join('\n')}\n`;
    this.lines = [];
    if (!this.stream.write(text)) {
      await this.drained();
    }
    this.check();
  }

  /** Waits for 'drain' (or a write error), leaving no listener behind. */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  private check(): void {
    if (this.failure) {
      throw new ReplayException(
        REPLAY_ERROR_CODES.outputFailed,
        `cannot write the output: ${describeError(this.failure)}`,
      );
    }
  }
}

interface InputSource {
  stream: Readable;
  /** Bytes to read, when known (a regular file). */
  size?: number;
  close(): Promise<void>;
}

async function openInput(path: string, stdin: Readable): Promise<InputSource> {
  if (path === '-') {
    return { stream: stdin, close: () => Promise.resolve() };
  }
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ReplayException(
      REPLAY_ERROR_CODES.inputUnreadable,
      `cannot read input ${path}: ${describeError(error)}`,
    );
  }
  const stat = await handle.stat();
  if (stat.isDirectory()) {
    await handle.close();
    throw new ReplayException(
      REPLAY_ERROR_CODES.inputUnreadable,
      `cannot read input ${path}: is a directory`,
    );
  }
  return {
    stream: handle.createReadStream({ encoding: 'utf8', highWaterMark: 1 << 20, autoClose: false }),
    size: stat.isFile() ? stat.size : undefined,
    close: () => handle.close(),
  };
}

/** Feeds every line to the replay, chunk by chunk, and writes what it produced after each chunk. */
async function feedLines(
  input: InputSource,
  name: string,
  replay: ReplayUseCase,
  output: OutputBuffer,
  progress: ProgressBar,
): Promise<void> {
  let carry = '';
  let lineNumber = 0;
  let bytes = 0;
  try {
    for await (const chunk of input.stream) {
      const text = carry + (chunk as string);
      bytes += Buffer.byteLength(chunk as string, 'utf8');
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        lineNumber += 1;
        replay.acceptLine(text.slice(start, end), lineNumber);
        start = end + 1;
      }
      carry = text.slice(start);
      await output.flush();
      progress.update(bytes, replay.tally().records);
    }
  } catch (error) {
    if (error instanceof ReplayException) {
      throw error;
    }
    throw new ReplayException(
      REPLAY_ERROR_CODES.inputUnreadable,
      `cannot read input ${name}: ${describeError(error)}`,
    );
  }
  if (carry.length > 0) {
    replay.acceptLine(carry, lineNumber + 1);
  }
}

function describePack(pack: RulePack, path: string): string {
  const shown = relative(process.cwd(), path);
  return `${pack.id} ${pack.ruleSetVersion} (${shown.startsWith('..') || isAbsolute(shown) ? path : shown})`;
}

/** Loads the packs and lists, replays the input and writes decisions (or differences) and the summary. */
export async function runReplay(options: ReplayOptions, streams: CliStreams): Promise<number> {
  const started = performance.now();
  const input = await openInput(options.input, streams.stdin);
  try {
    const basePath = options.rules ?? DEFAULT_RULE_PACK_PATH;
    const base = loadReplayRulePack(basePath);
    const candidate = options.compare === undefined ? undefined : loadReplayRulePack(options.compare);
    const sanctions = await loadReplaySanctions(options.sanctions.length > 0 ? options.sanctions : undefined);
    const jurisdiction = options.jurisdiction ?? base.jurisdiction;
    const output = new OutputBuffer(streams.stdout);
    const publish = candidate === undefined ? (decision: unknown) => output.push(decision) : () => undefined;
    const runs = [new ScreeningRun({ jurisdiction, rulePack: base, sanctions }, publish)];
    if (candidate !== undefined) {
      runs.push(new ScreeningRun({ jurisdiction, rulePack: candidate, sanctions }, () => undefined));
    }
    const replayUseCase = new ReplayUseCase(runs);
    const loaded = performance.now();
    const progress = new ProgressBar(streams.stderr, input.size);
    await feedLines(input, options.input, replayUseCase, output, progress);
    replayUseCase.finish(options.until);
    progress.finish();

    const [baseRun, candidateRun] = runs.map((run) => run.tally());
    const comparison =
      baseRun && candidateRun ? compareOutcomes(baseRun.latest, candidateRun.latest) : undefined;
    comparison?.differences.forEach((difference) => output.push(difference));
    await output.flush();

    const described: RunDescription[] = [];
    if (baseRun) {
      described.push({ label: 'base', rulePack: describePack(base, basePath), tally: baseRun });
    }
    if (candidate && candidateRun && options.compare !== undefined) {
      described.push({
        label: 'candidate',
        rulePack: describePack(candidate, options.compare),
        tally: candidateRun,
      });
    }
    streams.stderr.write(
      formatReplaySummary(replayUseCase.tally(), {
        input: options.input === '-' ? 'standard input' : options.input,
        setupSeconds: (loaded - started) / 1000,
        seconds: (performance.now() - loaded) / 1000,
        jurisdiction,
        sanctions: sanctions.listVersions,
        until: options.until,
        runs: described,
        comparison,
      }),
    );
    return REPLAY_EXIT_CODES.ok;
  } finally {
    await input.close();
  }
}
