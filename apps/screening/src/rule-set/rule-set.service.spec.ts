import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DEFAULT_RULE_PACK_PATH } from '@chokepoint/engine';
import { SHIPPED_UN_CONSOLIDATED_LIST_PATH } from '@chokepoint/sanctions';
import { pollUntil } from '@chokepoint/testing';
import { ScreeningEnvironment } from '../config/screening.environment';
import type { ScreeningMetrics } from '../metrics/screening.metrics';
import { RuleSetService } from './rule-set.service';

describe('RuleSetService', () => {
  let folder: string;
  let packPath: string;
  let service: RuleSetService | undefined;
  const reloaded = jest.fn();

  function environment(overrides: Partial<ScreeningEnvironment> = {}): ScreeningEnvironment {
    return Object.assign(new ScreeningEnvironment(), {
      RULE_PACK_PATH: packPath,
      RULES_WATCH: 'false',
      RULES_WATCH_DEBOUNCE_MS: 20,
      ...overrides,
    });
  }

  async function start(env: ScreeningEnvironment): Promise<RuleSetService> {
    service = new RuleSetService(env, { reloaded } as unknown as ScreeningMetrics);
    await service.onModuleInit();
    return service;
  }

  function editVersion(version: string): void {
    writeFileSync(packPath, readFileSync(packPath, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
  }

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'rule-set-'));
    packPath = join(folder, 'pack.yaml');
    copyFileSync(DEFAULT_RULE_PACK_PATH, packPath);
    reloaded.mockReset();
  });

  afterEach(() => {
    service?.onModuleDestroy();
    service = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves the pack and the UN list it was started with', async () => {
    const ruleSet = await start(environment());

    expect(ruleSet.worldContext()).toMatchObject({
      jurisdiction: 'VN',
      rulePack: { id: 'vn-default' },
      sanctions: { listVersions: { 'un-sc-consolidated': '2018-10-29' } },
    });
  });

  it('swaps in an edited pack on reload', async () => {
    const ruleSet = await start(environment());
    editVersion('2027.01.1');

    const report = await ruleSet.reload('test');

    expect(report).toMatchObject({ rulePack: 'loaded', sanctions: 'loaded', errors: [] });
    expect(report.ruleSetVersion).toMatch(/^2027\.01\.1\+sha256:/);
    expect(ruleSet.ruleSet().rulePack.version).toBe('2027.01.1');
    expect(reloaded).toHaveBeenCalledWith('rule-pack', 'loaded');
  });

  it.each([
    ['not YAML', (text: string) => `${text}\n  - : [`],
    ['an unknown top-level key', (text: string) => `${text}\nsurprise: true\n`],
    [
      'a pack for another jurisdiction',
      (text: string) => text.replace(/^jurisdiction: VN$/m, 'jurisdiction: TH'),
    ],
  ])('refuses %s and keeps serving the previous pack', async (_name, corrupt) => {
    const ruleSet = await start(environment());
    const before = ruleSet.ruleSet().rulePack.ruleSetVersion;
    writeFileSync(packPath, corrupt(readFileSync(packPath, 'utf8')));

    const report = await ruleSet.reload('test');

    expect(report.rulePack).toBe('refused');
    expect(report.errors[0]).toContain(packPath);
    expect(report.sanctions).toBe('loaded');
    expect(ruleSet.ruleSet().rulePack.ruleSetVersion).toBe(before);
    expect(reloaded).toHaveBeenCalledWith('rule-pack', 'refused');
  });

  it('keeps the previous lists when a list cannot be read', async () => {
    const listPath = join(folder, 'list.xml');
    copyFileSync(SHIPPED_UN_CONSOLIDATED_LIST_PATH, listPath);
    const ruleSet = await start(environment({ SANCTIONS_SOURCES: listPath }));
    writeFileSync(listPath, '<NOT_A_LIST/>');

    const report = await ruleSet.reload('test');

    expect(report).toMatchObject({
      sanctions: 'refused',
      listVersions: { 'un-sc-consolidated': '2018-10-29' },
    });
    expect(report.errors[0]).toContain('no CONSOLIDATED_LIST root element');
  });

  it('reloads by itself when the pack file changes', async () => {
    const ruleSet = await start(environment({ RULES_WATCH: 'true' }));
    editVersion('2027.02.1');

    await pollUntil(
      () => ruleSet.ruleSet().rulePack.version,
      (version) => version === '2027.02.1',
      { description: 'the watched pack reloaded', timeoutMs: 10_000 },
    );
    expect(reloaded).toHaveBeenCalledWith('rule-pack', 'loaded');
  });

  it('refuses to start with a pack that does not validate', async () => {
    writeFileSync(packPath, 'id: broken\n');

    await expect(start(environment())).rejects.toThrow(/rule pack .* is invalid/);
  });
});
