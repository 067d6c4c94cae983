import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * Builds the console from the current sources into a folder of its own, so the test exercises what
 * is in the tree and never overwrites the dist/ops-web another process may be serving.
 */
export function buildConsole(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'chokepoint-ops-web-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'apps/ops/web/config/vite.config.mts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`vite build produced no index.html in ${outDir}`);
  }
  return outDir;
}
