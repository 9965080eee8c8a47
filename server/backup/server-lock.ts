// Which process serves a database file: `FILE.pid` holds the serving process's id while it
// runs (written at start, removed at a clean stop). A restore reads it and refuses while that
// process lives, so it never swaps the file from under a running server. A stale file (the
// server was killed) names a process that is gone and is ignored.
import fs from 'node:fs';

export interface ServerLock {
  pid: number;
  startedAt: number;
  url: string;
}

export function lockFileOf(dbFile: string): string {
  return `${dbFile}.pid`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user; still a running server.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes this process's lock; returns the release (only removes a lock that is still ours). */
export function takeServerLock(dbFile: string, url: string, now: number): () => void {
  const file = lockFileOf(dbFile);
  const mine: ServerLock = { pid: process.pid, startedAt: now, url };
  fs.writeFileSync(file, `${JSON.stringify(mine)}\n`);
  return () => {
    const current = readServerLock(dbFile);
    if (current?.pid === mine.pid && current.startedAt === mine.startedAt) fs.rmSync(file, { force: true });
  };
}

export function readServerLock(dbFile: string): ServerLock | null {
  let text: string;
  try {
    text = fs.readFileSync(lockFileOf(dbFile), 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<ServerLock>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
    return { pid: v.pid, startedAt: Number(v.startedAt ?? 0), url: String(v.url ?? '') };
  } catch {
    return null;
  }
}

/** The lock of a server that is running now, or null. */
export function runningServer(dbFile: string): ServerLock | null {
  const lock = readServerLock(dbFile);
  return lock !== null && alive(lock.pid) ? lock : null;
}
