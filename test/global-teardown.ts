/**
 * After the integration suite: names what is still open in the test process (sockets, timers). A
 * client a test or service failed to close keeps Jest from exiting; once in four fresh-clone runs on
 * 2026-11-29 it did, after every suite had passed, so `test:integration` also passes --forceExit and
 * this line says what to go and close.
 */
export default function globalTeardown(): void {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const open = [...counts].map(([kind, count]) => `${kind}×${count}`).join(', ');
  process.stderr.write(`[integration teardown] still open in the test process: ${open || 'nothing'}\n`);
}
