// One process at a time per data folder: two demo consoles (`npm start` and `npm run web --
// --demo`) on the same embedded-server folder would run two servers and two simulators on one
// SQLite file and share one replica. The lock is a file created exclusively with our pid; a
// lock whose pid is gone (a crash, kill -9) is stale and taken over.
import fs from 'node:fs';
import path from 'node:path';

export interface FolderLock {
  file: string;
  release(): void;
}

export class FolderLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Another Marshrut demo (process ${pid}) is already using ${dir}. Use that console, stop it first, ` +
        `or give this one its own folder with --user-data DIR (or MARSHRUT_USER_DATA).`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockFolder(dir: string, pid = process.pid): FolderLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'in-use.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(pid)) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== pid && alive(holder)) throw new FolderLockedError(dir, holder);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}
