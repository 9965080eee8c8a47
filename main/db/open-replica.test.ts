import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orders } from '../../shared/schema';
import { DEFAULT_MIGRATIONS_FOLDER, openReplica, type Replica } from './open-replica';
import { searchOrders } from './search-orders';
import { testOrderRow } from '../../shared/testing/order-row';

let dir: string;
const opened: Replica[] = [];

function open(file: string, migrationsFolder?: string): Replica {
  const r = openReplica(file, { migrationsFolder });
  opened.push(r);
  return r;
}

function journalLength(folder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

function appliedMigrations(r: Replica): number {
  return (r.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-open-'));
});

afterEach(() => {
  for (const r of opened.splice(0)) r.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openReplica', () => {
  it('migrates an empty file and sets the connection up', () => {
    const r = open(path.join(dir, 'empty.db'));
    const tables = r.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const names = tables.map((t) => t.name);
    for (const t of ['orders', 'order_events', 'carriers', 'carrier_lanes', 'replica_meta', 'outbox', 'conflicts', 'orders_fts', 'carriers_fts']) {
      expect(names).toContain(t);
    }
    expect(r.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(r.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(r.sqlite.pragma('recursive_triggers', { simple: true })).toBe(1);
    expect(r.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(appliedMigrations(r)).toBe(journalLength(DEFAULT_MIGRATIONS_FOLDER));
  });

  it('re-opens an already migrated file without changing it', () => {
    const file = path.join(dir, 'again.db');
    const first = open(file);
    first.db.insert(orders).values(testOrderRow({ id: 'o1', number: 'MR-1' })).run();
    first.sqlite.prepare("INSERT INTO outbox (mid, name, args, created_at) VALUES (1, 'assignDriver', '{}', 0)").run();
    const applied = appliedMigrations(first);
    first.close();

    const second = open(file);
    expect(appliedMigrations(second)).toBe(applied);
    expect(second.db.select().from(orders).all().map((o) => o.id)).toEqual(['o1']);
    expect(second.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    expect(searchOrders(second, 'MR-1').map((o) => o.id)).toEqual(['o1']);
  });

  it('brings an older file up to date, indexing rows that predate the search index', () => {
    // An "older app": the same migrations folder with only the first migration in its journal.
    const older = path.join(dir, 'older-migrations');
    fs.cpSync(DEFAULT_MIGRATIONS_FOLDER, older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));

    const file = path.join(dir, 'older.db');
    const old = open(file, older);
    expect(appliedMigrations(old)).toBe(1);
    expect(old.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'orders_fts'").get()).toEqual({ n: 0 });
    // The older app's own columns only: later migrations add more (e.g. 0008's order intake).
    const o = testOrderRow({ id: 'old-1', number: 'MR-777001', customerName: 'Асель Жумабаева' });
    old.sqlite
      .prepare(
        `INSERT INTO orders (id, number, customer_name, pickup_address, pickup_lat, pickup_lon, delivery_address, delivery_city,
           delivery_lat, delivery_lon, region_id, service_type, status, created_at, status_changed_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(o.id, o.number, o.customerName, o.pickupAddress, o.pickupLat, o.pickupLon, o.deliveryAddress, o.deliveryCity,
        o.deliveryLat, o.deliveryLon, o.regionId, o.serviceType, o.status, o.createdAt, o.statusChangedAt, o.updatedAt);
    old.close();

    const current = open(file);
    expect(appliedMigrations(current)).toBe(journalLength(DEFAULT_MIGRATIONS_FOLDER));
    expect(searchOrders(current, 'асель').map((o) => o.id)).toEqual(['old-1']);
    expect(searchOrders(current, 'MR-777').map((o) => o.id)).toEqual(['old-1']);
  });

  it('keeps the search triggers after every migration', () => {
    const r = open(path.join(dir, 'triggers.db'));
    const triggers = (r.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['orders_fts_ai', 'orders_fts_au', 'orders_fts_ad', 'carriers_fts_ai', 'carriers_fts_au', 'carriers_fts_ad']) {
      expect(triggers).toContain(t);
    }
  });

  it('refuses writing statements through prepareRead', () => {
    const r = open(path.join(dir, 'read.db'));
    expect(() => r.prepareRead("DELETE FROM orders WHERE id = 'x'")).toThrow(/would write/);
    expect(r.prepareRead('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
  });

  it('fails with the reason when the migrations folder is missing, leaving no open handle', () => {
    expect(() => openReplica(path.join(dir, 'x.db'), { migrationsFolder: path.join(dir, 'nowhere') })).toThrow();
  });

  it('close is safe to call twice', () => {
    const r = openReplica(path.join(dir, 'close.db'));
    r.close();
    expect(() => r.close()).not.toThrow();
  });
});
