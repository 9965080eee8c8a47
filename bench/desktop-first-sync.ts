// A real desktop's first sync, as the benches time it (bench:sync-window, bench:scale's new
// desktop, bench:catchup's denominator): a sync client into a new replica file, timed from
// start to caught up (online, which the client reaches only after the server's caught-up,
// and its cursor at `head` when the caller knows the server's head), then its orders counted
// and its replica checkpointed and measured. The client is closed; the file is deleted unless
// the caller keeps it (to start the same desktop again).
import fs from 'node:fs';
import { openClient } from '../e2e/sync/harness';

export interface FirstSync {
  ms: number;
  /** The replica file's size after a full checkpoint. */
  bytes: number;
  orders: number;
}

export async function desktopFirstSync(
  file: string,
  url: string,
  token: string,
  opts: { historyDays?: number; head?: number; keepFile?: boolean } = {},
): Promise<FirstSync> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const started = performance.now();
  const c = openClient(file, url, token, opts.historyDays === undefined ? {} : { historyDays: opts.historyDays });
  const cursor = c.replica.sqlite.prepare<[], number>("SELECT CAST(value AS INTEGER) FROM replica_meta WHERE key = 'cursor'").pluck();
  for (;;) {
    const s = c.sync.state();
    if (s.connection === 'online' && (opts.head === undefined || (cursor.get() ?? 0) >= opts.head)) break;
    if (s.connection === 'unauthorized' || s.connection === 'incompatible') throw new Error(`first sync failed: ${s.connection} ${s.lastError ?? ''}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  const orders = c.replica.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  c.replica.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  c.close();
  const bytes = fs.statSync(file).size;
  if (opts.keepFile !== true) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return { ms, bytes, orders };
}
