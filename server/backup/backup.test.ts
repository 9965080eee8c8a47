// Backups: a checked copy of a live server, scheduled ones with retention and /health, and a
// restore that refuses a running server's database or a damaged backup.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { startTestServer, type TestServer } from '../testing/test-server';
import { listBackups, parseInterval } from './backup-schedule';
import { copyDatabase } from './copy-database';
import { restoreDatabase } from './restore-database';
import { lockFileOf, readServerLock } from './server-lock';

let t: TestServer;
let scratch: string;
beforeEach(async () => {
  t = await startTestServer();
  scratch = fs.mkdtempSync(path.join(t.dir, 'scratch-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.stop();
});

function addCustomers(from: number, n: number): void {
  t.server.engine.writeRows((tx) => {
    for (let i = from; i < from + n; i++) tx.put('customers', { id: `c${i}`, name: `Customer ${i}`, phone: '', email: null, vipNormMinutes: null, updatedAt: i });
  });
}

function readOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const epochOf = (file: string): string => readOnly(file, (db) => db.prepare("SELECT value FROM server_meta WHERE key = 'epoch'").pluck().get() as string);

describe('backup', () => {
  it('copies a running server while it commits, checked, as one file with a new epoch', async () => {
    addCustomers(0, 2000);
    const dest = path.join(scratch, 'out', 'copy.db');
    // Writes keep landing while the copy runs on its worker.
    const writer = setInterval(() => addCustomers(5000 + Math.floor(Math.random() * 1e6), 5), 1);
    const copy = await copyDatabase(t.dbFile, dest).finally(() => clearInterval(writer));
    expect(copy.bytes).toBe(fs.statSync(dest).size);
    expect(readOnly(dest, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    expect(readOnly(dest, (db) => db.prepare("SELECT count(*) FROM customers WHERE id LIKE 'c%' AND CAST(substr(id, 2) AS INTEGER) < 2000").pluck().get())).toBe(2000);
    expect(readOnly(dest, (db) => db.pragma('journal_mode', { simple: true }))).toBe('delete');
    expect(fs.existsSync(`${dest}-wal`)).toBe(false);
    expect(epochOf(dest)).toBe(copy.epoch);
    expect(copy.epoch).not.toBe(t.server.engine.epoch);
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['copy.db']); // no partial file left
  });

  it('a damaged database is refused: no backup file, no partial file', async () => {
    const bad = path.join(scratch, 'bad.db');
    // A real database with pages overwritten in the middle.
    const db = new Database(bad);
    db.exec('CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t(v);');
    const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) ins.run(`value ${i} ${'x'.repeat(50)}`);
    })();
    db.close();
    const fd = fs.openSync(bad, 'r+');
    const size = fs.fstatSync(fd).size;
    for (let off = 8192; off < size - 8192; off += 4096 * 7) fs.writeSync(fd, Buffer.alloc(300, 0x5a), 0, 300, off + 100);
    fs.closeSync(fd);
    const dest = path.join(scratch, 'never.db');
    await expect(copyDatabase(bad, dest)).rejects.toThrow(/integrity_check|malformed|corrupt/i);
    expect(fs.readdirSync(scratch).filter((f) => f.startsWith('never'))).toEqual([]);
    // Not a server database at all.
    const plain = path.join(scratch, 'plain.db');
    new Database(plain).exec('CREATE TABLE x (a)');
    await expect(copyDatabase(plain, dest)).rejects.toThrow(/server_meta/);
    await expect(copyDatabase(path.join(scratch, 'missing.db'), dest)).rejects.toThrow(/no database/);
    await expect(copyDatabase(t.dbFile, t.dbFile)).rejects.toThrow(/overwrite/);
  });

  it('npm run server -- backup / restore: exit codes and what they say', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const dest = path.join(scratch, 'cli.db');
    expect(await main(['backup', '--db', t.dbFile, '--to', dest])).toBe(0);
    expect(out.join('\n')).toMatch(/integrity_check ok/);
    expect(await main(['backup', '--db', t.dbFile])).toBe(2);
    // The server runs on t.dbFile: refused, and its file untouched.
    const before = fs.statSync(t.dbFile).ino;
    expect(await main(['restore', '--from', dest, '--db', t.dbFile])).toBe(1);
    expect(out.join('\n')).toMatch(/restore refused: a server \(pid \d+/);
    expect(fs.statSync(t.dbFile).ino).toBe(before);
    // Onto a stopped server's file (here: a fresh path) it restores.
    const target = path.join(scratch, 'restored', 'server.db');
    fs.mkdirSync(path.dirname(target));
    expect(await main(['restore', '--from', dest, '--db', target])).toBe(0);
    expect(readOnly(target, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    expect(await main(['serve', '--backup-every', '1h'])).toBe(2);
    expect(await main(['serve', '--backup-dir', scratch, '--backup-every', 'soon'])).toBe(2);
    expect(await main(['serve', '--backup-dir', scratch, '--backup-keep', '0'])).toBe(2);
  });
});

describe('restore', () => {
  it('keeps the replaced database (with its WAL) and gives the restored one its own epoch', async () => {
    addCustomers(0, 100);
    const backup = path.join(scratch, 'b.db');
    const copy = await copyDatabase(t.dbFile, backup);
    addCustomers(100, 50); // after the backup
    expect(readServerLock(t.dbFile)?.pid).toBe(process.pid);
    await expect(restoreDatabase(backup, t.dbFile)).rejects.toThrow(/running/);
    t.server.kill(); // as if killed: the WAL and the lock stay behind
    await new Promise((r) => setTimeout(r, 50));
    // A killed server's lock names a live pid here (this test process): pretend it died.
    fs.writeFileSync(lockFileOf(t.dbFile), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 0, url: 'x' }));
    const r = await restoreDatabase(backup, t.dbFile, Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(r.previous).toBe(`${t.dbFile}.before-restore-20260102T030405Z`);
    expect(readOnly(r.previous as string, (db) => db.prepare('SELECT count(*) FROM customers').pluck().get())).toBeGreaterThanOrEqual(150);
    expect(readOnly(t.dbFile, (db) => db.prepare("SELECT count(*) FROM customers WHERE id LIKE 'c%'").pluck().get())).toBe(100);
    expect(fs.existsSync(`${t.dbFile}-wal`)).toBe(false);
    expect(r.epoch).not.toBe(copy.epoch);
    expect(epochOf(t.dbFile)).toBe(r.epoch);
    // A damaged backup replaces nothing.
    fs.writeFileSync(path.join(scratch, 'junk.db'), 'not a database at all, just text'.repeat(200));
    await expect(restoreDatabase(path.join(scratch, 'junk.db'), t.dbFile)).rejects.toThrow();
    expect(epochOf(t.dbFile)).toBe(r.epoch);
  });
});

describe('scheduled backups', () => {
  it('one at start and one per interval, the newest N kept, the last in /health; failures reported', async () => {
    const dir = path.join(scratch, 'backups');
    await t.stop();
    t = await startTestServer({ backup: { dir, everyMs: 150, keep: 2, firstDelayMs: 0 } });
    addCustomers(0, 10);
    const health = async (): Promise<Record<string, unknown>> =>
      (await (await fetch(`${t.server.url}/health`, { headers: { authorization: `Bearer ${t.tokens['u-admin']}` } })).json()) as Record<string, unknown>;
    const deadline = Date.now() + 20_000;
    let report = await health();
    while (((report['backups'] as { backups: number } | undefined)?.backups ?? 0) < 4 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      report = await health();
    }
    const b = report['backups'] as { backups: number; kept: number; keep: number; last: { at: number; bytes: number; file: string }; lastFailure: unknown; failures: number };
    expect(b.backups).toBeGreaterThanOrEqual(4);
    expect(b.failures).toBe(0);
    expect(b.lastFailure).toBeNull();
    expect(b.last.bytes).toBeGreaterThan(0);
    expect(listBackups(dir).length).toBeLessThanOrEqual(2);
    // A backup runs every 150 ms, so the one /health named may already be pruned by the time we
    // look (a loaded CI machine); what must hold is that it was written there and the newest is sound.
    expect(path.dirname(b.last.file)).toBe(dir);
    const newest = listBackups(dir).at(-1);
    if (!newest) throw new Error('no backup kept');
    readOnly(path.join(dir, newest), (db) => expect(db.pragma('integrity_check', { simple: true })).toBe('ok'));

    // The directory becomes unusable: the failure shows, the server keeps serving.
    fs.rmSync(dir, { recursive: true, force: true });
    fs.writeFileSync(dir, 'a file where the directory was');
    const failDeadline = Date.now() + 20_000;
    while (((report['backups'] as { failures: number }).failures ?? 0) === 0 && Date.now() < failDeadline) {
      await new Promise((r) => setTimeout(r, 50));
      report = await health();
    }
    const f = report['backups'] as { failures: number; lastFailure: { at: number; error: string } };
    expect(f.failures).toBeGreaterThan(0);
    expect(f.lastFailure.error).toMatch(/ENOTDIR|EEXIST|not a directory|unable to open/i);
  });

  it('parses intervals', () => {
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('30m')).toBe(1_800_000);
    expect(parseInterval('90s')).toBe(90_000);
    expect(parseInterval('1d')).toBe(86_400_000);
    for (const bad of ['', 'soon', '-1h', '0s', '500ms', '1e9h', '1 h']) expect(parseInterval(bad), bad).toBeNull();
  });
});
