// Assignment race: 10 clients (each its own process, like 10 desks) assign the same 1,000
// orders, each to its own driver, having seen version 1. Checks: exactly one winner per
// order, every loser told (refused locally when the winner had already arrived, else a
// conflict from the server), identical final replicas. Figures: end-to-end mutations per
// second, and one client's mutate() rate, each against raw SQLite autocommit on this disk.
import path from 'node:path';
import Database from 'better-sqlite3';
import { openReplica } from '../main/db/open-replica';
import { addUser, dumpSynced, makeOrder, seedServer, startTestServer, testDir } from '../e2e/sync/harness';
import { spawnScript, spawnServer, type ScriptProcess } from '../e2e/sync/server-child';
import type { Figure } from './sync.bench';

interface RacerStatus {
  online: boolean;
  pending: number;
  cursor: number;
  conflicts: string[];
}

/** Raw autocommit: one durable (synchronous=FULL, like an outbox write) UPDATE per assignment. */
function rawAutocommit(file: string, n: number): { perSecond: number } {
  const replica = openReplica(file);
  replica.sqlite.pragma('synchronous = FULL');
  const insert = replica.sqlite.prepare(
    `INSERT INTO orders (id, number, customer_name, pickup_address, pickup_lat, pickup_lon, delivery_address, delivery_city,
       delivery_lat, delivery_lon, region_id, service_type, status, created_at, status_changed_at, updated_at, version)
     VALUES (?, ?, 'c', 'p', 0, 0, 'd', 'Astana', 0, 0, 'astana', 'express', 'confirmed', 0, 0, 0, 1)`,
  );
  replica.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(`o${i}`, String(i));
  })();
  const update = replica.sqlite.prepare('UPDATE orders SET driver_id = ?, assigned_by = ?, version = version + 1 WHERE id = ? AND version = 1');
  const start = performance.now();
  for (let i = 0; i < n; i++) update.run('d1', 'u1', `o${i}`);
  const ms = performance.now() - start;
  replica.close();
  return { perSecond: (n * 1000) / ms };
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
    const raw = rawAutocommit(dir.file('raw.db'), orders);
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
      const mutateRate = (orders * 1000) / (results.reduce((a, r) => a + r.mutateMs, 0) / results.length);
      return [
        { name: `assignment race ${racers} x ${orders}: end-to-end mutations/s until converged`, value: e2e, unit: '/s', limit: raw.perSecond, limitName: 'raw SQLite autocommit UPDATEs/s (synchronous=FULL)', ratio: e2e / raw.perSecond, target: '>= 0.4x', pass: checks && e2e / raw.perSecond >= 0.4 },
        { name: `one client's mutate() (optimistic apply + outbox, fsynced) during the race`, value: mutateRate, unit: '/s', limit: raw.perSecond, limitName: 'raw SQLite autocommit UPDATEs/s (synchronous=FULL)', ratio: mutateRate / raw.perSecond, target: '>= 0.4x', pass: checks && mutateRate / raw.perSecond >= 0.4 },
      ];
    } finally {
      await Promise.all(procs.map((p) => p.kill()));
      await server.kill();
    }
  } finally {
    dir.cleanup();
  }
}
