import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..');
export const SERVICES = ['ingest', 'screening', 'ops'] as const;
export type ServiceName = (typeof SERVICES)[number];

const COLOURS: Record<ServiceName, string> = { ingest: '36', screening: '35', ops: '33' };

function prefixLines(name: ServiceName, stream: NodeJS.ReadableStream, target: NodeJS.WriteStream): void {
  let rest = '';
  const tag = target.isTTY ? `\u001b[${COLOURS[name]}m${name.padEnd(9)}\u001b[0m` : name.padEnd(9);
  stream.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      target.write(`${tag} | ${line}\n`);
    }
  });
}

/** Runs a package script in the foreground and fails loudly when it fails. */
export function runScript(script: string, extraArgs: string[] = []): void {
  const result = spawnSync(
    'npm',
    ['run', '--silent', script, ...(extraArgs.length ? ['--', ...extraArgs] : [])],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    throw new Error(`npm run ${script} failed`);
  }
}

/** Starts each service as a child process with prefixed output; they stop when the parent is told to. */
export function startServices(names: readonly ServiceName[], env: NodeJS.ProcessEnv = {}): ChildProcess[] {
  return names.map((name) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join('apps', name, 'src', 'main.ts')],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (child.stdout && child.stderr) {
      prefixLines(name, child.stdout, process.stdout);
      prefixLines(name, child.stderr, process.stderr);
    }
    return child;
  });
}

/** Stops the children on Ctrl-C or SIGTERM (they shut down cleanly on SIGTERM) and exits when all are gone. */
export function stopOnSignal(children: ChildProcess[], onStopped: () => void = () => undefined): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stderr.write('\nstopping services…\n');
    for (const child of children) {
      child.kill('SIGTERM');
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let running = children.length;
  let crashed = false;
  for (const child of children) {
    child.on('exit', (code, signal) => {
      running -= 1;
      if (!stopping) {
        crashed = true;
        process.stderr.write(
          `a service exited (code ${String(code)}, signal ${String(signal)}); stopping the others\n`,
        );
        stop();
      }
      if (running === 0) {
        onStopped();
        process.exit(crashed ? 1 : 0);
      }
    });
  }
}
