/**
 * npm run demo: the stack, migrations, the three services, a demo officer account, and a simulated
 * port day streamed into Kafka at a watchable rate. Prints the console URL and the credentials.
 * Ctrl-C stops everything this script started (the stack keeps running; `npm run stack:down`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runScript, SERVICES, startServices, stopOnSignal } from './services';

const OPS_URL = 'http://127.0.0.1:3000';
const HEALTH = ['http://127.0.0.1:3001', 'http://127.0.0.1:3002', OPS_URL].map(
  (base) => `${base}/health/ready`,
);
const DEMO_USER = 'demo';
const RATE = process.env.DEMO_RATE ?? '20';

function createDemoOfficer(password: string): void {
  // The ops CLI takes the password from the environment, never from argv.
  const result = spawnSync(
    'npm',
    ['run', '--silent', 'ops:create-admin', '--', '--username', DEMO_USER, '--display-name', 'Demo Officer'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, OPS_ADMIN_PASSWORD: password },
    },
  );
  if (result.status !== 0) {
    throw new Error('could not create the demo account');
  }
}

async function waitUntilReady(deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const states = await Promise.all(
      HEALTH.map((url) =>
        fetch(url)
          .then((response) => response.ok)
          .catch(() => false),
      ),
    );
    if (states.every(Boolean)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `services not ready after ${deadlineMs / 1000} s: ${HEALTH.filter((_, i) => !states[i]).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function startSimulator(): ChildProcess {
  return spawn(
    process.execPath,
    [
      join('bin', 'chokepoint.js'),
      'simulate',
      '--kafka',
      '--rate',
      RATE,
      '--duration',
      '24h',
      '--risk-rate',
      '0.1',
      '--seed',
      String(Date.now() % 100_000),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function main(): Promise<void> {
  runScript('stack:up');
  runScript('migration:run');
  if (!existsSync(join(REPO_ROOT, 'dist', 'ops-web', 'index.html'))) {
    runScript('build:web');
  }
  const password = randomBytes(12).toString('base64url');
  createDemoOfficer(password);
  const services = startServices(SERVICES);
  // Started once the services are ready; however they end (Ctrl-C, SIGTERM, one of them failing), it
  // ends with them.
  const traffic: { simulator?: ChildProcess; stopping: boolean } = { stopping: false };
  stopOnSignal(services, () => traffic.simulator?.kill('SIGTERM'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      traffic.stopping = true;
      traffic.simulator?.kill('SIGTERM');
    });
  }
  try {
    await waitUntilReady(120_000);
  } catch (error) {
    // Not left running behind a failed demo, holding their ports.
    for (const service of services) {
      service.kill('SIGTERM');
    }
    throw error;
  }
  const simulator = startSimulator();
  traffic.simulator = simulator;
  simulator.on('exit', (code) => {
    if (!traffic.stopping) {
      process.stderr.write(`simulator finished (code ${String(code)}); services keep running\n`);
    }
  });
  process.stderr.write(
    [
      '',
      '  Chokepoint demo is running.',
      `  Console:   ${OPS_URL}/   (API docs: ${OPS_URL}/api/docs)`,
      `  Sign in:   ${DEMO_USER} / ${password}`,
      `  Traffic:   a simulated port day at ${RATE} records/s into port.manifests.v1 and port.movements.v1`,
      '  Ctrl-C stops the services and the simulator.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
