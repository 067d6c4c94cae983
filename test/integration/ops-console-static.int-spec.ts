import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpsHarness, startOps } from './ops-harness';

/** The ops app serves the built console at / with a fallback to index.html for client-side routes. */
describe('console static files', () => {
  let ops: OpsHarness;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ops-web-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(
      join(folder, 'index.html'),
      '<!doctype html><title>Chokepoint</title><div id="root"></div>',
    );
    writeFileSync(join(folder, 'assets', 'app-1a2b3c.js'), 'console.log("console");');
    ops = await startOps({ env: { OPS_WEB_DIR: folder, OPS_DECISIONS_CONSUMER_ENABLED: 'false' } });
  });

  afterAll(async () => {
    await ops.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it.each([
    ['/', 'index'],
    ['/holds/MAEU123456789', 'index'],
    ['/dashboard', 'index'],
  ])('serves %s as the console', async (path) => {
    const response = await ops.request('GET', path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toContain('<div id="root">');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves fingerprinted assets with a long cache life', async () => {
    const response = await ops.request('GET', '/assets/app-1a2b3c.js');
    expect(response.status).toBe(200);
    expect(response.text).toContain('console.log');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it.each([
    ['/assets/missing.js', 404],
    ['/api/nothing-here', 404],
  ])('does not fall back for %s', async (path, status) => {
    const response = await ops.request('GET', path);
    expect(response.status).toBe(status);
    expect(response.text).not.toContain('<div id="root">');
  });
});
