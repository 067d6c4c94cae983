/**
 * npm run audit:verify
 *
 * Recomputes the ops audit log's hash chain from the first entry and names the first entry whose link
 * or hash does not hold. Exit 0 when intact, 1 when broken, 2 when the check could not run.
 */
import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import { verifyAuditLog } from '../../apps/ops/src/audit/audit-log.service';

async function main(): Promise<number> {
  const client = new Client({
    connectionString: process.env.DATABASE_URL ?? stackSettings().databaseUrl,
    application_name: 'chokepoint-audit-verify',
  });
  await client.connect();
  try {
    const result = await verifyAuditLog(
      async (sql, parameters) => (await client.query<Record<string, unknown>>(sql, parameters)).rows,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) {
      process.stderr.write(`audit chain broken at entry ${result.firstBrokenEntryId}\n`);
      return 1;
    }
    process.stderr.write(`audit chain intact: ${result.entries} entries\n`);
    return 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
