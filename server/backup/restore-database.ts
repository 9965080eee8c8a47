// `npm run server -- restore --from BACKUP --db FILE`: puts a backup in place of a stopped
// server's database. The backup is copied (online backup API), given a new history epoch and
// checked with integrity_check first (copy-database.ts), so a damaged backup never replaces
// anything. The database it replaces is kept beside it (FILE.before-restore-<time>, with its
// -wal), never deleted. Desktops that synced with the old database notice the new epoch at
// their next hello and take a snapshot; their unsent edits are kept and sent afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { copyDatabase } from './copy-database';
import { runningServer } from './server-lock';

export interface RestoreResult {
  db: string;
  bytes: number;
  /** Where the replaced database went (null: there was none). */
  previous: string | null;
  epoch: string;
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export async function restoreDatabase(from: string, dbFile: string, now: number = Date.now()): Promise<RestoreResult> {
  const db = path.resolve(dbFile);
  const source = path.resolve(from);
  if (source === db) throw new Error('--from and --db are the same file');
  const before = runningServer(db);
  if (before !== null) {
    throw new Error(`a server (pid ${before.pid}, ${before.url}) is running on ${db}: stop it before restoring`);
  }
  const staged = `${db}.restoring`;
  const copy = await copyDatabase(source, staged);
  // Checked again after the copy: a server that started meanwhile keeps its database.
  const during = runningServer(db);
  if (during !== null) {
    fs.rmSync(staged, { force: true });
    throw new Error(`a server (pid ${during.pid}) started on ${db} during the restore: nothing was replaced`);
  }
  let previous: string | null = null;
  if (fs.existsSync(db)) {
    previous = `${db}.before-restore-${stamp(now)}`;
    fs.renameSync(db, previous);
  }
  // The old database's -wal/-shm belong to it: left beside the restored file, SQLite would
  // replay the old WAL into the backup. They go along with the kept copy.
  for (const suffix of ['-wal', '-shm']) {
    if (!fs.existsSync(db + suffix)) continue;
    if (previous !== null) fs.renameSync(db + suffix, previous + suffix);
    else fs.rmSync(db + suffix, { force: true });
  }
  fs.renameSync(staged, db);
  return { db, bytes: copy.bytes, previous, epoch: copy.epoch };
}
