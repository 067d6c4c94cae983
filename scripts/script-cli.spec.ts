import { scriptOptions, wholeNumberOption } from './script-cli';

const USAGE = 'usage: npm run bench:x -- [--rate 2000] [--quick]';
const OPTIONS = {
  rate: { type: 'string', default: '2000' },
  quick: { type: 'boolean', default: false },
} as const;

/** Runs `body` with process.exit turned into a throw, and returns what it wrote and its exit code. */
function run(body: () => unknown): {
  code: number | undefined;
  stdout: string;
  stderr: string;
  value?: unknown;
} {
  const written = { stdout: '', stderr: '' };
  const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new ExitCalled(Number(code));
  });
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.stdout += String(chunk);
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.stderr += String(chunk);
    return true;
  });
  try {
    return { code: undefined, ...written, value: body() };
  } catch (error) {
    if (error instanceof ExitCalled) {
      return { code: error.code, ...written };
    }
    throw error;
  } finally {
    exit.mockRestore();
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

describe('scriptOptions', () => {
  it('gives the values, defaults filled in', () => {
    const outcome = run(() => scriptOptions('bench-x', USAGE, OPTIONS, ['--quick']));

    expect(outcome.code).toBeUndefined();
    expect(outcome.value).toEqual({ rate: '2000', quick: true });
  });

  it('answers --help with the usage on stdout and exit code 0, whatever else is given', () => {
    const outcome = run(() => scriptOptions('bench-x', USAGE, OPTIONS, ['--nonsense', '--help']));

    expect(outcome).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });

  it('ends an unknown option with one line naming it, the usage, and exit code 2', () => {
    const outcome = run(() => scriptOptions('bench-x', USAGE, OPTIONS, ['--rte', '100']));

    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(`bench-x: Unknown option '--rte'\n${USAGE}\n`);
  });

  it('ends an option missing its value the same way', () => {
    const outcome = run(() => scriptOptions('bench-x', USAGE, OPTIONS, ['--rate']));

    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^bench-x: Option '--rate <value>' argument missing\n/);
  });
});

describe('wholeNumberOption', () => {
  it.each([
    ['2000', 1, 2000],
    ['0', 0, 0],
  ])('reads %s (at least %d) as %d', (raw, min, expected) => {
    expect(run(() => wholeNumberOption('bench-x', 'rate', raw, min)).value).toBe(expected);
  });

  it.each([['abc'], [''], ['1.5'], ['0'], ['-3'], ['1e400']])(
    'refuses %j for a count of at least 1, naming the option, exit code 2',
    (raw) => {
      const outcome = run(() => wholeNumberOption('bench-x', 'rate', raw, 1));

      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toBe(`bench-x: --rate must be a whole number, 1 or more, not ${raw}\n`);
    },
  );
});
