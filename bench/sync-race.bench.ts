// Assignment race: 10 clients (each its own process, like 10 desks) assign the same 1,000
// orders, each to its own driver, having seen version 1. Checks: exactly one winner per
// order, every loser told (refused locally when the winner had already arrived, else a
// conflict from the server), identical final replicas. Figures: end-to-end mutations per
// second, and one client's mutate() rate, each against raw SQLite autocommit on this disk
// (one writer, synchronous=FULL: the durability an outbox write has).
import path from 'node:path';
import Database from 'better-sqlite3';
import { openReplica } from '../main/db/open-replica';
import { fakeWorld } from '../shared/testing/fake-world';
import { createRowStore, type AppRow } from '../main/sync/row-store';
import { createSyncClient } from '../main/sync/sync-client';
import { addUser, dumpSynced, makeOrder, seedServer, startTestServer, testDir, type TestDir } from '../e2e/sync/harness';
import { spawnScript, spawnServer, type ScriptProcess } from '../e2e/sync/server-child';
import type { Figure } from './sync.bench';

interface RacerStatus {
  online: boolean;
  pending: number;
  cursor: number;
  conflicts: string[];
}

/** A replica file holding `n` confirmed orders o100.. (as a catch-up would leave it). */
export function replicaWithOrders(file: string, n: number): ReturnType<typeof openReplica> {
  const replica = openReplica(file);
  const rows = createRowStore(replica.sqlite);
  const world = fakeWorld();
  replica.sqlite.transaction(() => {
    for (const t of ['regions', 'warehouses', 'drivers', 'users'] as const) for (const r of world.all(t)) rows.put(t, r as AppRow);
    for (let i = 0; i < n; i++) rows.put('orders', makeOrder(100 + i) as unknown as AppRow);
  })();
  return replica;
}

/**
 * One writer, same disk, same durability: mutate() (optimistic apply through the mutator +
 * outbox row, one fsynced transaction) against raw autocommit UPDATEs with synchronous=FULL.
 * Interleaved in rounds so a change in the machine's load hits both alike.
 */
async function singleWriter(dir: TestDir, n: number): Promise<{ ours: number; raw: number }> {
  const rawReplica = replicaWithOrders(dir.file('raw-single.db'), n);
  rawReplica.sqlite.pragma('synchronous = FULL');
  const update = rawReplica.sqlite.prepare('UPDATE orders SET driver_id = ?, assigned_by = ?, version = version + 1 WHERE id = ? AND version = 1');
  const ourReplica = replicaWithOrders(dir.file('ours-single.db'), n);
  const client = createSyncClient({ replica: ourReplica, serverUrl: 'ws://127.0.0.1:1', token: 't', user: { id: 'u-dispatcher', name: 'Dispatcher Aigerim', role: 'dispatcher' } });
  let rawMs = 0;
  let ourMs = 0;
  const rounds = 5;
  const per = Math.floor(n / rounds);
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = r * per; i < (r + 1) * per; i++) update.run('d1', 'u1', `o${100 + i}`);
    rawMs += performance.now() - t;
    t = performance.now();
    // One edit at a time, each until it is on disk (as a user clicking): one fsync each.
    for (let i = r * per; i < (r + 1) * per; i++) {
      client.mutate('assignDriver', { orderId: `o${100 + i}`, driverId: 'd1', seenVersion: 1 });
      await client.durable();
    }
    ourMs += performance.now() - t;
  }
  client.stop();
  rawReplica.close();
  ourReplica.close();
  return { ours: (rounds * per * 1000) / ourMs, raw: (rounds * per * 1000) / rawMs };
}

async function statusOf(r: ScriptProcess): Promise<RacerStatus> {
  const reply = r.next<RacerStatus>((m) => m['status'] === true);
  r.send('status');
  return reply;
}

export async function benchRace(racers = 10, orders = 1000): Promise<Figure[]> {
  const dir = testDir();
  try {
    const file = dir.file('server.db');
    const seeding = await startTestServer(file);
    seedServer(seeding, 0);
    seeding.engine.writeRows((tx) => {
      for (let i = 0; i < orders; i++) tx.put('orders', makeOrder(100 + i));
      const driver = tx.get('drivers', 'd1');
      if (driver === undefined) throw new Error('no driver d1');
      for (let k = 0; k < racers; k++) tx.put('drivers', { ...driver, id: `race-d${k}`, name: `Driver ${k}` });
    });
    const tokens = Array.from({ length: racers }, (_, k) => addUser(seeding, `Dispatcher ${k}`).token);
    await seeding.close();
    const single = await singleWriter(dir, orders);
    const server = await spawnServer(file);
    const procs = tokens.map((t, k) =>
      spawnScript(path.join(__dirname, 'sync-peer.bench.ts'), ['racer', server.url, dir.file(`racer-${k}.db`), t, String(orders), `race-d${k}`]),
    );
    try {
      await Promise.all(procs.map((p) => p.next((m) => m['ready'] === true)));
      const start = performance.now();
      const mutated = procs.map((p) => p.next<{ mutateMs: number; localRejections: number }>((m) => m['mutated'] === true));
      for (const p of procs) p.send('go');
      const results = await Promise.all(mutated);
      const serverDb = new Database(file, { readonly: true });
      const head = () => serverDb.prepare('SELECT max(seq) FROM change_log').pluck().get() as number;
      let statuses: RacerStatus[] = [];
      for (;;) {
        statuses = await Promise.all(procs.map(statusOf));
        const h = head();
        if (statuses.every((s) => s.online && s.pending === 0 && s.cursor === h)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const ms = performance.now() - start;
      await Promise.all(procs.map((p) => (p.send('exit'), p.exited())));

      // Checks: one winner per order, every loser told, identical replicas.
      const winners = serverDb.prepare("SELECT count(*) FROM orders WHERE driver_id LIKE 'race-d%'").pluck().get() as number;
      const assignEvents = serverDb.prepare("SELECT count(*) FROM order_events WHERE kind = 'assign'").pluck().get() as number;
      const wins = serverDb.prepare("SELECT driver_id, count(*) AS n FROM orders WHERE driver_id LIKE 'race-d%' GROUP BY driver_id").all() as { driver_id: string; n: number }[];
      const told = results.map((r, k) => r.localRejections + (statuses[k]?.conflicts.filter((c) => c.includes('was assigned to')).length ?? 0));
      const everyLoserTold = told.every((t, k) => t + (wins.find((w) => w.driver_id === `race-d${k}`)?.n ?? 0) === orders);
      const reference = JSON.stringify(dumpSynced(serverDb));
      const identical = tokens.every((_, k) => {
        const db = new Database(dir.file(`racer-${k}.db`), { readonly: true });
        try {
          return JSON.stringify(dumpSynced(db)) === reference;
        } finally {
          db.close();
        }
      });
      serverDb.close();
      const checks = winners === orders && assignEvents === orders && everyLoserTold && identical;
      console.log(
        `race checks: ${winners}/${orders} orders with one winner, ${assignEvents} assign events, ` +
          `losers told ${told.reduce((a, b) => a + b, 0)}/${(racers - 1) * orders}, replicas identical: ${identical}`,
      );
      const total = racers * orders;
      const e2e = (total * 1000) / ms;
      const aggregateMutate = results.reduce((a, r) => a + (orders * 1000) / r.mutateMs, 0);
      console.log(`race: aggregate mutate() rate of the ${racers} racers ${aggregateMutate.toFixed(0)}/s; converged after ${ms.toFixed(0)} ms`);
      const rawName = 'raw SQLite autocommit UPDATEs/s (synchronous=FULL, one writer)';
      return [
        { name: `assignment race ${racers} x ${orders} (each racer its own process): end-to-end mutations/s until converged`, value: e2e, unit: '/s', limit: single.raw, limitName: rawName, ratio: e2e / single.raw, target: '>= 0.4x', pass: checks && e2e / single.raw >= 0.4 },
        { name: `one client's mutate() (optimistic apply + outbox row) until durable, one at a time, ${orders} assignments`, value: single.ours, unit: '/s', limit: single.raw, limitName: rawName, ratio: single.ours / single.raw, target: '>= 0.4x', pass: single.ours / single.raw >= 0.4 },
      ];
    } finally {
      await Promise.all(procs.map((p) => p.kill()));
      await server.kill();
    }
  } finally {
    dir.cleanup();
  }
}
