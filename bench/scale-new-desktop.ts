// bench:scale's new desktop, in its own process: a real sync client into a new replica file
// (the sync window asked, as a desktop does by default) joins the running company; timed from
// start to "online" (caught up: the sync client goes online only after the server's
// caught-up). The replica is checkpointed and measured, then deleted.
// Usage: tsx bench/scale-new-desktop.ts URL TOKEN DIR DAYS; prints
// {"firstSync":{"ms":N,"bytes":N,"orders":N}}.
import fs from 'node:fs';
import path from 'node:path';
import { openClient } from '../e2e/sync/harness';

async function main(): Promise<void> {
  const [url, token, dir, days] = process.argv.slice(2);
  if (url === undefined || token === undefined || dir === undefined || days === undefined) throw new Error('usage');
  const file = path.join(dir, 'new-desktop.db');
  const started = performance.now();
  const c = openClient(file, url, token, { historyDays: Number(days) });
  for (let s = c.sync.state(); s.connection !== 'online'; s = c.sync.state()) {
    if (s.connection === 'unauthorized' || s.connection === 'incompatible') throw new Error(`first sync failed: ${s.connection} ${s.lastError ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - started;
  const orders = c.replica.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  c.replica.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  c.close();
  const bytes = fs.statSync(file).size;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  process.stdout.write(`${JSON.stringify({ firstSync: { ms, bytes, orders } })}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
