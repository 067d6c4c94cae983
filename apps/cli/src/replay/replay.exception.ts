/** Why a replay could not run; each maps to its own exit code so scripts can tell them apart. */
export const REPLAY_ERROR_CODES = {
  badArguments: 'replay.bad_arguments',
  inputUnreadable: 'replay.input_unreadable',
  rulePackUnreadable: 'replay.rule_pack_unreadable',
  sanctionsUnreadable: 'replay.sanctions_unreadable',
  outputFailed: 'replay.output_failed',
} as const;

export type ReplayErrorCode = (typeof REPLAY_ERROR_CODES)[keyof typeof REPLAY_ERROR_CODES];

/** Exit codes of `chokepoint replay` (documented in its --help). */
export const REPLAY_EXIT_CODES: Readonly<Record<ReplayErrorCode | 'ok', number>> = {
  ok: 0,
  [REPLAY_ERROR_CODES.outputFailed]: 1,
  [REPLAY_ERROR_CODES.badArguments]: 2,
  [REPLAY_ERROR_CODES.inputUnreadable]: 3,
  [REPLAY_ERROR_CODES.rulePackUnreadable]: 4,
  [REPLAY_ERROR_CODES.sanctionsUnreadable]: 5,
};

/** A replay that cannot start or finish; the command prints the one-line message and exits. */
export class ReplayException extends Error {
  constructor(
    readonly code: ReplayErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReplayException';
  }

  get exitCode(): number {
    return REPLAY_EXIT_CODES[this.code];
  }
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  EMFILE: 'too many open files',
  EPIPE: 'the reading end of the pipe was closed',
};

/** "no such file or directory" rather than Node's "ENOENT: no such file or directory, open './x'". */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const known = code === undefined ? undefined : FILE_ERRORS[code];
    return known ?? error.message.split('\n')[0] ?? String(error);
  }
  return String(error);
}
