import { REPLAY_ERROR_CODES, ReplayException } from './replay.exception';
import { parseReplayArguments } from './replay.options';

describe('parseReplayArguments', () => {
  it('reads every option, repeats --sanctions and normalises --until and --jurisdiction', () => {
    expect(
      parseReplayArguments([
        '--input',
        'day.ndjson',
        '--jurisdiction',
        'vn',
        '--rules',
        'pack.yaml',
        '--compare=strict.yaml',
        '--until',
        '2026-03-10T07:00:00+07:00',
        '--sanctions',
        'un.xml',
        '--sanctions',
        'https://example.org/list.xml',
      ]),
    ).toEqual({
      input: 'day.ndjson',
      jurisdiction: 'VN',
      rules: 'pack.yaml',
      compare: 'strict.yaml',
      until: '2026-03-10T00:00:00.000Z',
      sanctions: ['un.xml', 'https://example.org/list.xml'],
      help: false,
    });
  });

  it('needs nothing but --input; a date-only --until is UTC midnight', () => {
    expect(parseReplayArguments(['-i', '-', '--until', '2026-03-10'])).toEqual({
      input: '-',
      until: '2026-03-10T00:00:00.000Z',
      sanctions: [],
      help: false,
    });
  });

  it.each([['--help'], ['-h'], ['--input', 'x', '--help']])('asks for help with %p', (...argv) => {
    expect(parseReplayArguments(argv).help).toBe(true);
  });

  it.each([
    [[], '--input FILE is required'],
    [['--input'], 'option --input needs a value'],
    [['--input', 'x', '--frobnicate'], 'unknown option --frobnicate'],
    [['--input', 'x', 'extra'], 'unexpected argument extra'],
    [
      ['--input', 'x', '--jurisdiction', 'VNM'],
      '--jurisdiction VNM: expected an ISO 3166 alpha-2 code such as VN',
    ],
    [['--input', 'x', '--until', 'tomorrow'], '--until tomorrow: expected an ISO-8601 time with its zone'],
    [
      ['--input', 'x', '--until', '2026-03-10T00:00:00'],
      '--until 2026-03-10T00:00:00: expected an ISO-8601 time with its zone',
    ],
    [['--input', 'x', '--until', '2026-02-30T00:00:00Z'], '--until 2026-02-30T00:00:00Z'],
    [['--input', 'x', '--rules', ''], '--rules needs a file name'],
  ])('refuses %p', (argv, message) => {
    let thrown: unknown;
    try {
      parseReplayArguments(argv);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ReplayException);
    expect(thrown).toMatchObject({ code: REPLAY_ERROR_CODES.badArguments, exitCode: 2 });
    expect((thrown as Error).message).toContain(message);
  });
});
