import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoint, type BackgroundCheckpoint } from './background-checkpoint';
import { silentLogger } from '../../platform/log/logger';

const dirs: string[] = [];
const checkpoints: BackgroundCheckpoint[] = [];
afterEach(async () => {
  for (const c of checkpoints.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function walDb(): { file: string; db: Database.Database } {
  const dir = mkdtempSync(path.join(tmpdir(), 'marshrut-ckpt-'));
  dirs.push(dir);
  const file = path.join(dir, 'server.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v INTEGER)');
  return { file, db };
}

async function until(what: string, ok: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('background checkpoint', () => {
  it('moves committed pages into the database file from a worker, leaving commits to the event loop', async () => {
    const { file, db } = walDb();
    const c = startBackgroundCheckpoint(db, file, { intervalMs: 20, logger: silentLogger() });
    checkpoints.push(c);
    // Inline checkpoints only far above the worker's pace.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run(i);
    await until('a checkpoint', () => c.stats().checkpoints > 0);
    // The main file alone (no -wal beside it) holds the rows: they were checkpointed.
    const copy = path.join(path.dirname(file), 'copy.db');
    copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    expect(alone.prepare('SELECT count(*) FROM t').pluck().get()).toBe(500);
    alone.close();
    db.close();
  });

  it('does nothing while nobody writes', async () => {
    const { file, db } = walDb();
    const c = startBackgroundCheckpoint(db, file, { intervalMs: 10, logger: silentLogger() });
    checkpoints.push(c);
    await new Promise((r) => setTimeout(r, 80));
    expect(c.stats()).toEqual({ checkpoints: 0, lastWalPages: 0, failures: 0 });
    db.close();
  });
});
