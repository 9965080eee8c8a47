// Scheduled backups of the running server (`--backup-dir DIR --backup-every 1h --backup-keep 48`):
// one at start, then one per interval, each a checked copy (copy-database.ts) named by its UTC
// time; the newest `keep` are kept. What happened last is in /health (`backups`).
import type { Logger } from '../../platform/log/logger';
import fs from 'node:fs';
import path from 'node:path';
import { copyDatabase } from './copy-database';

export interface BackupScheduleOptions {
  dbFile: string;
  dir: string;
  everyMs: number;
  keep: number;
  clock: () => number;
  logger: Logger;
  /** Delay of the first backup after start (default 1 s: after start-up work). */
  firstDelayMs?: number;
}

export interface BackupStats {
  dir: string;
  everyS: number;
  keep: number;
  /** The last good backup. */
  last: { at: number; file: string; bytes: number; ms: number } | null;
  /** The last failure (cleared by nothing: compare its `at` with `last.at`). */
  lastFailure: { at: number; error: string } | null;
  backups: number;
  failures: number;
  /** Backup files in the directory now. */
  kept: number;
  running: boolean;
}

export interface BackupSchedule {
  stats(): BackupStats;
  /** Takes a backup now (waits for one already running first). */
  runNow(): Promise<void>;
  close(): Promise<void>;
}

const NAME = /^marshrut-\d{8}T\d{6}Z(-\d+)?\.db$/;

export function backupFileName(at: number): string {
  return `marshrut-${new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.db`;
}

/** Backup files in `dir`, oldest first (the names sort by time). */
export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => NAME.test(n)).sort();
}

/** "90s", "15m", "1h", "2d" (or plain milliseconds) -> ms; null when unreadable or under 1 s. */
export function parseInterval(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m?.[1]) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? 'ms'] ?? 1;
  const ms = Math.round(Number(m[1]) * unit);
  return Number.isFinite(ms) && ms >= 1000 && ms <= 365 * 86_400_000 ? ms : null;
}

export function startBackupSchedule(o: BackupScheduleOptions): BackupSchedule {
  fs.mkdirSync(o.dir, { recursive: true });
  const stats: Omit<BackupStats, 'kept' | 'running'> = {
    dir: path.resolve(o.dir),
    everyS: Math.round(o.everyMs / 1000),
    keep: o.keep,
    last: null,
    lastFailure: null,
    backups: 0,
    failures: 0,
  };
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const prune = (): void => {
    const files = listBackups(o.dir);
    for (const name of files.slice(0, Math.max(0, files.length - o.keep))) fs.rmSync(path.join(o.dir, name), { force: true });
  };

  const once = async (): Promise<void> => {
    const at = o.clock();
    let name = backupFileName(at);
    for (let n = 1; fs.existsSync(path.join(o.dir, name)); n++) name = backupFileName(at).replace(/\.db$/, `-${n}.db`);
    try {
      const r = await copyDatabase(o.dbFile, path.join(o.dir, name));
      stats.last = { at, file: r.file, bytes: r.bytes, ms: r.ms };
      stats.backups += 1;
      prune();
    } catch (e) {
      stats.failures += 1;
      stats.lastFailure = { at, error: e instanceof Error ? e.message : String(e) };
      o.logger.error({ err: e, dir: o.dir }, 'backup failed');
    }
  };

  const run = (): Promise<void> => {
    const next = (running ?? Promise.resolve()).then(once);
    const mine = next.finally(() => {
      if (running === mine) running = null;
    });
    running = mine;
    return mine;
  };

  const schedule = (delay: number): void => {
    if (closed) return;
    timer = setTimeout(() => {
      timer = null;
      void run().finally(() => schedule(o.everyMs));
    }, delay);
    timer.unref();
  };
  schedule(o.firstDelayMs ?? 1000);

  return {
    stats: () => ({ ...stats, kept: listBackups(o.dir).length, running: running !== null }),
    runNow: run,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      // The copy reads the database file: let it finish before the server closes it.
      await running;
    },
  };
}
