// Catch-up and reconnect benchmarks (run from bench/sync.bench.ts).
// Catch-up: an empty replica connects to a server holding ~100k changed rows; the time until
// caught up is compared with raw version-guarded upserts of the same rows into the same
// replica schema (FTS triggers included) in one transaction, with the rows already in memory.
import Database from 'better-sqlite3';
import { SYNCED_TABLE_KEYS } from '../shared/schema';
import type { ChangeRow } from '../shared/protocol';
import { openReplica } from '../main/db/open-replica';
import { applyServerBatch, newInboundSession } from '../main/sync/apply-frames';
import { parseInbound } from '../main/sync/parse-inbound';
import { createRowStore } from '../main/sync/row-store';
import { openSyncStore } from '../main/sync/sync-store';
import { addUser, makeOrder, openClient, seedServer, startTestServer, testDir, waitFor, type TestDir } from '../e2e/sync/harness';
import { spawnServer } from '../e2e/sync/server-child';
import type { Figure } from './sync.bench';

const T0 = Date.UTC(2025, 2, 3, 6, 0);

/** Seeds the server file with demo-like data until the change log holds about `rows` rows. */
async function seedFile(dir: TestDir, rows: number): Promise<{ file: string; tokens: string[] }> {
  const file = dir.file('server.db');
  const server = await startTestServer(file);
  seedServer(server, 0);
  // Orders with a 'created' event each: two rows per order, in 5k-row transactions.
  const orders = Math.floor(rows / 2);
  for (let start = 0; start < orders; start += 5000) {
    server.engine.writeRows((tx) => {
      for (let i = start; i < Math.min(orders, start + 5000); i++) {
        const o = makeOrder(1_000_000 + i);
        tx.put('orders', { ...o, cargoDescription: `Груз ${i}: бытовая техника` });
        tx.put('order_events', {
          id: `e${i}`, orderId: o.id, kind: 'created', at: T0, fromStatus: null, toStatus: 'new', subMark: null,
          actor: 'dispatcher', actorId: 'u1', actorName: 'Dispatcher Aigerim', source: 'manual', reason: null, comment: null, driverId: null, changes: null, handover: null,
        });
      }
    });
  }
  const tokens = [addUser(server, 'Dispatcher Aigerim').token, addUser(server, 'Dispatcher Yerlan').token];
  await server.close();
  return { file, tokens };
}

/** Raw version-guarded upserts of every synced row of `sourceFile` into a fresh replica. */
function rawUpserts(sourceFile: string, targetFile: string): { ms: number; rows: number } {
  const source = new Database(sourceFile, { readonly: true });
  const data = SYNCED_TABLE_KEYS.map((t) => ({ t, rows: source.prepare(`SELECT * FROM "${t}"`).raw(true).all() as unknown[][], cols: source.prepare(`SELECT * FROM "${t}" LIMIT 0`).columns().map((c) => c.name) }));
  source.close();
  const replica = openReplica(targetFile);
  const statements = data.map(({ t, cols }) => {
    const guard = cols.includes('version') ? ` WHERE excluded.version > "${t}".version` : '';
    const sets = cols.filter((c) => c !== 'id').map((c) => `"${c}" = excluded."${c}"`).join(', ');
    return replica.sqlite.prepare(`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${sets}${guard}`);
  });
  const start = performance.now();
  let rows = 0;
  replica.sqlite.transaction(() => {
    data.forEach((d, i) => {
      for (const r of d.rows) {
        statements[i]?.run(r);
        rows++;
      }
    });
  })();
  const ms = performance.now() - start;
  replica.close();
  return { ms, rows };
}

/**
 * The client's own share of a catch-up: the same rows as `changes` frames of 1,000 (server
 * JSON), parsed, validated and applied by the sync code, with no network and no server.
 */
function clientApplyOnly(sourceFile: string, targetFile: string): number {
  const source = new Database(sourceFile, { readonly: true });
  const read = createRowStore(source);
  const rows: ChangeRow[] = [];
  for (const table of SYNCED_TABLE_KEYS) for (const id of read.allIds(table)) rows.push({ seq: rows.length + 1, table, id, row: read.get(table, id) ?? null });
  source.close();
  const texts: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) texts.push(JSON.stringify({ type: 'changes', rows: rows.slice(i, i + 1000), cursor: Math.min(i + 1000, rows.length) }));
  rows.length = 0;
  const replica = openReplica(targetFile);
  const store = openSyncStore(replica.sqlite, { mintClientId: () => 'bench' });
  const session = newInboundSession('bench');
  const start = performance.now();
  for (const text of texts) {
    const parsed = parseInbound(text);
    if (!parsed.ok || parsed.message.type !== 'changes') throw new Error('bad frame');
    applyServerBatch(store, session, [parsed.message], null, 0);
  }
  const ms = performance.now() - start;
  replica.close();
  return ms;
}

export async function benchCatchUp(rows = 100_000): Promise<Figure[]> {
  const dir = testDir();
  try {
    const { file, tokens } = await seedFile(dir, rows);
    const raw = rawUpserts(file, dir.file('raw.db'));
    const localMs = clientApplyOnly(file, dir.file('local.db'));
    const child = await spawnServer(file);
    try {
      const start = performance.now();
      const client = openClient(dir.file('client.db'), child.url, tokens[0] ?? '');
      await waitFor('caught up', () => client.sync.state().connection === 'online', 600_000);
      const ms = performance.now() - start;
      const applied = SYNCED_TABLE_KEYS.reduce((n, t) => n + (client.replica.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number), 0);
      client.close();
      return [
        { name: `catch-up of ${applied} rows (empty replica, server in its own process)`, value: ms, unit: 'ms', limit: raw.ms, limitName: `raw upserts of ${raw.rows} rows`, ratio: raw.ms / ms, target: '>= 0.5x of raw', pass: raw.ms / ms >= 0.5 },
        { name: `client side of that catch-up: parse + validate + apply the same ${raw.rows} rows as frames, no network`, value: localMs, unit: 'ms', limit: raw.ms, limitName: 'raw upserts', ratio: raw.ms / localMs, target: '>= 0.5x of raw', pass: raw.ms / localMs >= 0.5 },
      ];
    } finally {
      await child.kill();
    }
  } finally {
    dir.cleanup();
  }
}

/**
 * Reconnect: a replica that was in sync goes offline, the server takes 10,000 changes and the
 * user makes 200 edits; the time from reconnect until converged (outbox empty, cursor at head).
 */
export async function benchReconnect(serverChanges = 10_000, pending = 200): Promise<Figure[]> {
  const dir = testDir();
  try {
    const file = dir.file('server.db');
    const seeding = await startTestServer(file);
    seedServer(seeding, 2000);
    const u = addUser(seeding, 'Dispatcher Aigerim');
    const replicaFile = dir.file('client.db');
    let client = openClient(replicaFile, seeding.url, u.token);
    await waitFor('online', () => client.sync.state().connection === 'online', 60_000);
    client.close();
    // While it is away: server changes (other desks) and local edits (offline).
    seeding.engine.writeRows((tx) => {
      for (let i = 0; i < serverChanges; i++) {
        const o = makeOrder(100 + (i % 2000));
        tx.put('order_events', {
          id: `srv-e${i}`, orderId: o.id, kind: 'comment', at: T0, fromStatus: null, toStatus: null, subMark: null,
          actor: 'dispatcher', actorId: 'u2', actorName: 'Dispatcher Yerlan', source: 'manual', reason: null, comment: `server ${i}`, driverId: null, changes: null, handover: null,
        });
      }
    });
    const head = seeding.engine.log.headSeq();
    await seeding.close();
    client = openClient(replicaFile, 'ws://127.0.0.1:1/sync', u.token, {}, false);
    for (let i = 0; i < pending; i++) client.sync.mutate('addComment', { orderId: `o${100 + i}`, text: `local ${i}` });
    client.close();
    const server = await spawnServer(file);
    try {
      client = openClient(replicaFile, server.url, u.token, {}, false);
      const start = performance.now();
      client.sync.start();
      await waitFor('converged', () => {
        const s = client.sync.state();
        return s.connection === 'online' && s.pendingCount === 0;
      }, 120_000);
      const ms = performance.now() - start;
      const cursor = Number(client.replica.sqlite.prepare("SELECT value FROM replica_meta WHERE key = 'cursor'").pluck().get());
      client.close();
      return [
        { name: `reconnect: ${serverChanges} server changes + ${pending} pending edits until converged`, value: ms, unit: 'ms', limit: 1000, limitName: 'target', ratio: 1000 / ms, target: '< 1 s', pass: ms < 1000 && cursor >= head + pending },
      ];
    } finally {
      await server.kill();
    }
  } finally {
    dir.cleanup();
  }
}
