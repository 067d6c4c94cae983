import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionEvent } from '@chokepoint/contracts';

// The command line as users run it: bin/chokepoint.js in a child process, no Kafka or database.
const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'chokepoint.js');
const fixtures = join(root, 'test', 'fixtures', 'replay');
const story = join(fixtures, 'readme-example.ndjson');
// Relative to the repository root, where the command runs (and readable in test names).
const storyArg = 'test/fixtures/replay/readme-example.ndjson';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function chokepoint(args: string[], options: { cwd?: string; command?: string[] } = {}): Promise<Run> {
  const [file, ...prefix] = options.command ?? [process.execPath, bin];
  return new Promise((resolve) => {
    execFile(
      file ?? process.execPath,
      [...prefix, ...args],
      { cwd: options.cwd ?? root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const decisionsOf = (stdout: string): DecisionEvent[] =>
  stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as DecisionEvent);

describe('chokepoint replay (command line)', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'chokepoint-replay-'));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints the README story decisions, the same bytes on every run, and a summary on stderr', async () => {
    const [first, second] = await Promise.all([
      chokepoint(['replay', '--input', story]),
      chokepoint(['replay', '--input', story]),
    ]);

    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(
      decisionsOf(first.stdout).map((d) => [d.consignmentId, d.sequence, d.decision, d.stage, d.categories]),
    ).toEqual([
      ['MAEU261000101', 1, 'RELEASE', 'EXPORT', []],
      ['ONEY261000202', 1, 'HOLD', 'EXPORT', ['MILITARY']],
      ['COSU261000303', 1, 'HOLD', 'TRANSSHIPMENT', ['EMBARGO']],
    ]);
    expect(decisionsOf(first.stdout)[1]).toMatchObject({
      source: 'RULES',
      jurisdiction: 'VN',
      listVersions: { 'un-sc-consolidated': '2018-10-29' },
      triggeredBy: { type: 'MANIFEST', eventId: 'ONEY261000202@2026-03-02T09:30:00.000Z' },
      supersedes: null,
    });
    expect(first.stderr).toContain('records read             7');
    expect(first.stderr).toMatch(/decisions\s+3 \(HOLD 2, RELEASE 1\)/);
    expect(first.stderr).toMatch(/HS_MILITARY\s+1 HOLD/);
    expect(first.stderr).toMatch(/0 out of scope/);
  });

  it('reports malformed lines with their line numbers and codes, and still exits 0', async () => {
    const run = await chokepoint(['replay', '--input', join(fixtures, 'malformed-lines.ndjson')]);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/rejected\s+4/);
    expect(run.stderr).toMatch(/line 1\s+field\.required/);
    expect(run.stderr).toMatch(/line 2\s+line\.not_json/);
    expect(run.stderr).toMatch(/line 3\s+line\.field_required value: required/);
    expect(run.stderr).toMatch(/line 4\s+record\.not_json/);
  });

  it('prints how outcomes differ per consignment with --compare', async () => {
    const lenient = join(scratch, 'no-embargo.rule-pack.yaml');
    const pack = readFileSync(join(root, 'libs/engine/rule-packs/vn-default.rule-pack.yaml'), 'utf8');
    writeFileSync(lenient, pack.replace('rules:\n', 'rules:\n  EMBARGO_DESTINATION: { enabled: false }\n'));

    const run = await chokepoint(['replay', '--input', story, '--compare', lenient]);

    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      {
        consignmentId: 'COSU261000303',
        change: 'NO_LONGER_HELD',
        base: expect.objectContaining({ decision: 'HOLD' }) as unknown,
        candidate: expect.objectContaining({ decision: 'RELEASE' }) as unknown,
        reasonsAdded: [],
        reasonsRemoved: ['EMBARGO_DESTINATION'],
      },
    ]);
    expect(run.stderr).toMatch(/NO_LONGER_HELD 1/);
  });

  it.each([
    [
      ['replay', '--input', 'no/such/file.ndjson'],
      3,
      /^chokepoint: cannot read input no\/such\/file\.ndjson: no such file or directory\n$/,
    ],
    [
      ['replay', '--input', storyArg, '--rules', './x.yaml'],
      4,
      /^chokepoint: cannot read rule pack \.\/x\.yaml: no such file or directory\n$/,
    ],
    [
      ['replay', '--input', storyArg, '--frobnicate'],
      2,
      /^chokepoint replay: unknown option --frobnicate\n\nUsage: chokepoint replay/,
    ],
    [['replay', '--input', storyArg, '--until', 'next week'], 2, /^chokepoint replay: --until next week: /],
    [
      ['replay', '--input', storyArg, '--sanctions', storyArg],
      5,
      /^chokepoint: cannot read sanctions list test\/fixtures\/replay\/readme-example\.ndjson: not a UN consolidated list/,
    ],
  ])('exits %p with code %p and a clear message', async (args, code, message) => {
    const run = await chokepoint(args);

    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('refuses an invalid rule pack in one line naming the file and its problems', async () => {
    const broken = join(scratch, 'broken.rule-pack.yaml');
    writeFileSync(broken, 'id: broken\nversion: 1\nholdThreshold: -5\n');

    const run = await chokepoint(['replay', '--input', story, '--rules', broken]);

    expect(run.code).toBe(4);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`chokepoint: cannot read rule pack ${broken}: `);
    expect(run.stderr).toContain('holdThreshold');
  });

  it('resolves through npx from the repository, as the README shows', async () => {
    const run = await chokepoint(['replay', '--help'], { command: ['npx', '--no-install', 'chokepoint'] });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: chokepoint replay --input FILE');
  });
});
