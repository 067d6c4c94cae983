import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { decodingCorpus } from './decoding-corpus';

const REPO_ROOT = join(__dirname, '..', '..', '..');

// The compiled validation generates code per class; a Node started with
// --disallow-code-generation-from-strings (a hardening some deployments apply) refuses that, and the
// validation must then fall back to its loops and decode exactly as it does here.
describe('decoding where Node refuses code generation from strings', () => {
  it('gives the same events and rejections for every record of the corpus', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--disallow-code-generation-from-strings',
        '-r',
        '@swc-node/register',
        join(__dirname, 'decode-corpus.child.ts'),
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const [first, ...results] = child.stdout.trimEnd().split('\n');
    expect(JSON.parse(first ?? '{}')).toEqual({ codeGeneration: 'refused' });

    const expected = decodingCorpus().map((input) => JSON.stringify(decodeRecord(input)));
    expect(results).toHaveLength(expected.length);
    expect(results).toEqual(expected);
    // Both kinds of outcome are compared: events decoded and records rejected.
    expect(expected.filter((line) => line.includes('"rejections":[]')).length).toBeGreaterThan(20);
    expect(expected.filter((line) => !line.includes('"rejections":[]')).length).toBeGreaterThan(200);
  }, 120_000);
});
