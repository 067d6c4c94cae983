/**
 * npm run ops:create-admin -- --username NAME [--display-name "Full Name"]
 *
 * Creates the first admin of the ops console, or resets that user's password and gives it the admin
 * role. The password comes from OPS_ADMIN_PASSWORD or standard input (first line), never from the
 * command line, where it would end up in shell history and the process list.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { stackSettings } from '@chokepoint/config';
import { createDataSource } from '@chokepoint/persistence';
import { AuditLogService } from '../../apps/ops/src/audit/audit-log.service';
import { hashPassword } from '../../apps/ops/src/auth/password-hasher';
import { systemClock } from '../../apps/ops/src/clock/clock';

const USERNAME = /^[a-z0-9._-]{3,64}$/;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.OPS_ADMIN_PASSWORD;
  if (fromEnv !== undefined) {
    return fromEnv;
  }
  if (process.stdin.isTTY) {
    process.stderr.write('password (input is echoed; prefer piping it or OPS_ADMIN_PASSWORD): ');
  }
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  if (values.password !== undefined) {
    process.stderr.write('refusing --password: pass it on standard input or in OPS_ADMIN_PASSWORD\n');
    return 64;
  }
  const username = values.username?.trim().toLowerCase();
  if (!username || !USERNAME.test(username)) {
    process.stderr.write(
      'usage: npm run ops:create-admin -- --username NAME [--display-name "Full Name"] < password\n',
    );
    return 64;
  }
  const password = await readPassword();
  if (password.length < 12 || password.length > 256) {
    process.stderr.write('the password must be 12 to 256 characters\n');
    return 65;
  }
  const displayName = values['display-name']?.trim() || username;
  const dataSource = await createDataSource({
    url: process.env.DATABASE_URL ?? stackSettings().databaseUrl,
    poolSize: 1,
    applicationName: 'chokepoint-ops-cli',
  }).initialize();
  try {
    const passwordHash = await hashPassword(password);
    const auditLog = new AuditLogService(dataSource, systemClock);
    const outcome = await dataSource.transaction(async (manager) => {
      const existing: Array<{ id: string; roles: string[] }> = await manager.query(
        `SELECT id, roles FROM ops_user WHERE lower(username) = $1 FOR UPDATE`,
        [username],
      );
      const found = existing[0];
      const id = found?.id ?? randomUUID();
      if (found) {
        const roles = [...new Set([...found.roles, 'admin'])];
        await manager.query(
          `UPDATE ops_user SET password_hash = $2, roles = $3, active = true, updated_at = now() WHERE id = $1`,
          [id, passwordHash, roles],
        );
        // Existing sessions were opened with the old password.
        await manager.query(`DELETE FROM ops_session WHERE user_id = $1`, [id]);
      } else {
        await manager.query(
          `INSERT INTO ops_user (id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)`,
          [id, username, displayName, passwordHash, ['admin']],
        );
      }
      await auditLog.append(manager, {
        actor: { kind: 'SYSTEM', id: null, name: 'ops:create-admin' },
        action: found ? 'user.admin_reset' : 'user.created',
        targetType: 'user',
        targetId: id,
        after: { username, roles: found ? [...new Set([...found.roles, 'admin'])] : ['admin'] },
      });
      return found ? 'updated' : 'created';
    });
    process.stdout.write(`${outcome} admin ${username}\n`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `ops:create-admin failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
