import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderLockedError, lockFolder } from './folder-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-lock-'));
  dirs.push(d);
  return d;
};

describe('folder lock for the embedded demo', () => {
  it('refuses a second live holder and says what to do', () => {
    const dir = tmp();
    const first = lockFolder(dir);
    // A live process other than us: this test's parent stands in for the other console.
    expect(() => lockFolder(dir, process.ppid)).toThrow(FolderLockedError);
    try {
      lockFolder(dir, process.ppid);
    } catch (err) {
      expect((err as Error).message).toMatch(/already using .*--user-data DIR/);
    }
    first.release();
    const again = lockFolder(dir, process.ppid);
    again.release();
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'in-use.lock'), `${dead}\n`);
    const lock = lockFolder(dir);
    expect(fs.readFileSync(lock.file, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });
});
