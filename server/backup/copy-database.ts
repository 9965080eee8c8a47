// Copies a server database with SQLite's online backup API into a file that counts as a
// backup only once it is whole and checked: written under a temporary name, given a new
// history epoch (server-meta.ts: a desktop synced with the live server must not take the copy's
// seqs for the ones it has), switched to a single self-contained file (no -wal beside it),
// `PRAGMA integrity_check`ed, and only then renamed to its final name. On a worker thread, on
// its own connection: the running server's event loop never waits for the copy or the check,
// and WAL mode lets the server keep committing while the copy reads a consistent snapshot.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EPOCH_KEY } from '../sync/server-meta';

// Plain CommonJS, evaluated in the worker: no separate file to bundle or ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const { source, tmp, dest, epoch, epochKey } = workerData;
const started = Date.now();
const removeTmp = () => {
  for (const f of [tmp, tmp + '-journal', tmp + '-wal', tmp + '-shm']) {
    try { fs.rmSync(f, { force: true }); } catch {}
  }
};
(async () => {
  let src = null;
  try {
    src = new Database(source, { fileMustExist: true });
    src.pragma('busy_timeout = 5000');
    // After the first step, copy the rest in one step: one read snapshot, so writes the
    // server commits meanwhile can't restart the copy over and over.
    await src.backup(tmp, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    src.close();
    src = null;
    const copy = new Database(tmp, { fileMustExist: true });
    let problems;
    try {
      copy.pragma('journal_mode = DELETE');
      copy.prepare('INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(epochKey, epoch);
      problems = copy.pragma('integrity_check').map((r) => r.integrity_check);
    } finally {
      copy.close();
    }
    if (problems.length !== 1 || problems[0] !== 'ok') throw new Error('integrity_check failed: ' + problems.slice(0, 5).join('; '));
    const fd = fs.openSync(tmp, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    fs.renameSync(tmp, dest);
    parentPort.postMessage({ ok: true, bytes: fs.statSync(dest).size, ms: Date.now() - started });
  } catch (e) {
    try { if (src) src.close(); } catch {}
    removeTmp();
    parentPort.postMessage({ ok: false, error: String((e && e.message) || e) });
  }
})();
`;

export interface CopyResult {
  file: string;
  bytes: number;
  ms: number;
  /** The copy's history epoch (new: no server has served it yet). */
  epoch: string;
}

/**
 * Copies `source` (a server database, live or not) to `dest`, checked. Rejects, leaving no
 * file at `dest`'s temporary name and `dest` untouched, when the copy or its check fails.
 */
export function copyDatabase(source: string, dest: string): Promise<CopyResult> {
  const sourceFile = path.resolve(source);
  const destFile = path.resolve(dest);
  if (sourceFile === destFile) return Promise.reject(new Error('the backup would overwrite the database itself'));
  if (!fs.existsSync(sourceFile)) return Promise.reject(new Error(`no database at ${sourceFile}`));
  fs.mkdirSync(path.dirname(destFile), { recursive: true });
  const tmp = `${destFile}.partial-${process.pid}-${randomUUID().slice(0, 8)}`;
  const epoch = randomUUID();
  return new Promise<CopyResult>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), source: sourceFile, tmp, dest: destFile, epoch, epochKey: EPOCH_KEY },
    });
    let settled = false;
    worker.once('message', (reply: { ok: true; bytes: number; ms: number } | { ok: false; error: string }) => {
      settled = true;
      if (reply.ok) resolve({ file: destFile, bytes: reply.bytes, ms: reply.ms, epoch });
      else reject(new Error(reply.error));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited (${code}) before it finished`));
    });
  });
}
