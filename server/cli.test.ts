import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { main } from './cli';
import { UserDirectory } from './auth/user-tokens';
import { openServerDb } from './db/open-server-db';
import { SyncEngine } from './sync/sync-engine';
import { silentLogger } from '../platform/log/logger';

let dir: string;
let dbFile: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marshrut-cli-'));
  dbFile = join(dir, 'nested', 'server.db');
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function authenticate(token: string): ReturnType<UserDirectory['authenticate']> {
  const db = openServerDb(dbFile);
  try {
    return new UserDirectory(db.sqlite, new SyncEngine(db.sqlite, Date.now, silentLogger()), Date.now).authenticate(token);
  } finally {
    db.sqlite.close();
  }
}

describe('server CLI: users', () => {
  it('user add prints a token that authenticates as that user (file and folder created)', async () => {
    expect(await main(['user', 'add', '--name', 'Айгерим', '--role', 'dispatcher', '--db', dbFile])).toBe(0);
    const token = out.at(-1) ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authenticate(token)).toMatchObject({ name: 'Айгерим', role: 'dispatcher' });
  });

  it('user add refuses a bad role or a missing name, and an unknown warehouse', async () => {
    expect(await main(['user', 'add', '--name', 'X', '--role', 'driver', '--db', dbFile])).toBe(2);
    expect(err.join('\n')).toMatch(/--role must be one of dispatcher, logistician, warehouse, supervisor, admin/);
    expect(await main(['user', 'add', '--role', 'admin', '--db', dbFile])).toBe(2);
    expect(await main(['user', 'add', '--name', 'W', '--role', 'warehouse', '--warehouse', 'nope', '--db', dbFile])).toBe(2);
    out = [];
    await main(['user', 'list', '--db', dbFile]);
    expect(out).toEqual([]);
  });

  it('user list shows users; user revoke makes their tokens fail', async () => {
    await main(['user', 'add', '--name', 'Тимур', '--role', 'admin', '--db', dbFile]);
    const token = out.at(-1) ?? '';
    out = [];
    await main(['user', 'list', '--db', dbFile]);
    expect(out).toHaveLength(1);
    const [id, role, state, tokens] = (out[0] ?? '').split('\t');
    expect([role, state, tokens]).toEqual(['admin', 'active', '1 token(s)']);
    expect(await main(['user', 'revoke', id ?? '', '--db', dbFile])).toBe(0);
    expect(authenticate(token)).toBeNull();
    out = [];
    await main(['user', 'list', '--db', dbFile]);
    expect(out[0]).toContain('\trevoked\t0 token(s)');
    expect(await main(['user', 'revoke', 'u-nobody', '--db', dbFile])).toBe(1);
  });
});

describe('npm run server', () => {
  it('starts on the port, seeds --demo into an empty file, answers /health, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--db', dbFile, '--demo'], {
      cwd: join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const stdout = (): string => text;
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          text += String(d);
          const m = /on (http:\/\/[\d.]+:\d+)/.exec(text);
          if (m?.[1] !== undefined) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const tokens = JSON.parse(readFileSync(join(dir, 'nested', 'demo-tokens.json'), 'utf8')) as Array<{ role: string; token: string }>;
      const admin = tokens.find((x) => x.role === 'admin');
      const res = await fetch(`${url}/health`, { headers: { authorization: `Bearer ${admin?.token}` } });
      const health = (await res.json()) as { counts: { orders: number; drivers: number } };
      expect(health.counts.orders).toBeGreaterThan(0);
      expect(health.counts.drivers).toBeGreaterThan(0);
      // Sync and webhooks stay on this machine unless --host says otherwise.
      expect(new URL(url).hostname).toBe('127.0.0.1');
      expect(stdout()).toMatch(/Bound to 127\.0\.0\.1 only: .*--host 0\.0\.0\.0/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});

describe('server CLI: demo sizes', () => {
  it('refuses a demo size that is not a whole number in range, or given without --demo, naming the flag', async () => {
    expect(await main(['--demo', '--demo-orders', '12abc', '--port', '0', '--db', dbFile])).toBe(2);
    expect(err.join('\n') + out.join('\n')).toContain('--demo-orders must be a whole number');
    expect(await main(['--demo-carriers', '5', '--port', '0', '--db', dbFile])).toBe(2);
    expect(err.join('\n') + out.join('\n')).toContain('--demo-carriers needs --demo');
    expect(await main(['--demo', '--demo-drivers', '10001', '--port', '0', '--db', dbFile])).toBe(2);
  });
});
