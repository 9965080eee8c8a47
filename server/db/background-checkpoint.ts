// Moves the WAL into the database file on a worker thread. SQLite's auto-checkpoint runs
// inside whichever commit crosses the threshold: copying 1,000 pages plus an fsync stalled
// that push (and every broadcast behind it) by 10-15 ms here, once every ~150 pushes. On its
// own connection in a worker the checkpoint runs beside the event loop; WAL mode lets the
// main connection keep committing meanwhile. Auto-checkpoint stays on, far above the
// worker's pace, as the backstop should the worker ever fall behind or die.
import type { Logger } from '../../platform/log/logger';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Pages in the WAL before a commit checkpoints inline (the worker normally keeps it far below). */
const BACKSTOP_PAGES = 20_000;

// Plain CommonJS, evaluated in the worker: no separate file to bundle or ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, walPages: r.log, copied: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String((e && e.message) || e) });
  }
});
`;

type WorkerReply = { ok: true; walPages: number; copied: number } | { ok: false; error: string };

export interface BackgroundCheckpoint {
  /** Checkpoints finished and the last one's WAL size, for /health. */
  stats(): { checkpoints: number; lastWalPages: number; failures: number };
  close(): Promise<void>;
}

export interface BackgroundCheckpointOptions {
  /** How often to look for new commits (ms). */
  intervalMs?: number;
  logger: Logger;
}

/**
 * Starts checkpointing `file` (open as `sqlite` in this thread) from a worker, at most once
 * per interval and only after commits. The worker starts with the first commit it is needed for.
 */
export function startBackgroundCheckpoint(sqlite: Database.Database, file: string, options: BackgroundCheckpointOptions): BackgroundCheckpoint {
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const totalChanges = sqlite.prepare('SELECT total_changes()').pluck(true);
  let worker: Worker | null = null;
  let broken = false;
  let busy = false;
  let seen = totalChanges.get() as number;
  const stats = { checkpoints: 0, lastWalPages: 0, failures: 0 };

  const giveUp = (why: string, error?: unknown): void => {
    if (broken) return;
    broken = true;
    options.logger.warn({ err: error, why }, 'background checkpoint stopped; SQLite checkpoints inline again');
    // Back to SQLite's default, so the WAL stays small without the worker.
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    void worker?.terminate();
    worker = null;
  };

  const spawn = (): Worker => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file } });
    w.unref();
    w.on('message', (reply: WorkerReply) => {
      busy = false;
      if (reply.ok) {
        stats.checkpoints++;
        stats.lastWalPages = reply.walPages;
      } else {
        // Busy or locked now and then is normal under load; the next tick tries again.
        stats.failures++;
        if (stats.failures > 100 && stats.checkpoints === 0) giveUp(reply.error);
      }
    });
    w.on('error', (e) => giveUp('worker failed', e));
    w.on('exit', (code) => {
      if (worker === w && code !== 0) giveUp(`worker exited with ${code}`);
    });
    return w;
  };

  const tick = setInterval(() => {
    if (broken || busy || !sqlite.open) return;
    const now = totalChanges.get() as number;
    if (now === seen) return;
    seen = now;
    try {
      worker ??= spawn();
    } catch (e) {
      // No worker threads here (or the driver would not load): SQLite checkpoints inline.
      return giveUp('no worker', e);
    }
    busy = true;
    worker.postMessage('checkpoint');
  }, options.intervalMs ?? 1000);
  tick.unref();

  return {
    stats: () => ({ ...stats }),
    async close() {
      clearInterval(tick);
      const w = worker;
      worker = null;
      if (w !== null) await w.terminate();
    },
  };
}
