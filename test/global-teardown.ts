/**
 * After the integration suite: names what is still open in the test process (sockets, timers). A
 * client a test or service failed to close keeps Jest from exiting, and this line says what to go and
 * close. (The one seen so far: the fault scenario's collectors lived through the broker restart, and a
 * kafkajs consumer that does keeps its coordinator's socket open after disconnect; they now step aside
 * while the broker restarts.)
 */
export default function globalTeardown(): void {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const open = [...counts].map(([kind, count]) => `${kind}×${count}`).join(', ');
  process.stderr.write(`[integration teardown] still open in the test process: ${open || 'nothing'}\n`);
}
