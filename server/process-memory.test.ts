import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../platform/log/logger';
import { MemoryKeeper } from './process-memory';
import { startServer } from './server';

describe('MemoryKeeper', () => {
  it('reports the process memory and says it runs through the loader under tests', () => {
    const keeper = new MemoryKeeper(() => [], () => 1, silentLogger());
    const r = keeper.report();
    expect(r.rssBytes).toBeGreaterThan(10_000_000);
    expect(r.heapUsedBytes).toBeGreaterThan(0);
    expect(r.heapTotalBytes).toBeGreaterThanOrEqual(r.heapUsedBytes);
    expect(r.built).toBe(false);
    expect(r).toMatchObject({ releases: 0, lastRelease: null });
  });

  it('shrinks every open connection’s SQLite memory, skips closed ones, and records the release', () => {
    const open = new Database(':memory:');
    const closed = new Database(':memory:');
    closed.close();
    const pragma = vi.spyOn(open, 'pragma');
    const keeper = new MemoryKeeper(() => [open, closed], () => 42, silentLogger());
    keeper.release('test');
    expect(pragma).toHaveBeenCalledWith('shrink_memory');
    expect(keeper.report()).toMatchObject({ releases: 1, lastRelease: { at: 42, rssBeforeBytes: expect.any(Number), rssAfterBytes: expect.any(Number) } });
    open.close();
  });

  it('releases once when a burst goes quiet, however many times it was asked', () => {
    vi.useFakeTimers();
    try {
      const keeper = new MemoryKeeper(() => [], () => 0, silentLogger());
      for (let i = 0; i < 5; i++) {
        keeper.releaseWhenQuiet('catch-up', 1000);
        vi.advanceTimersByTime(500);
      }
      expect(keeper.report().releases).toBe(0);
      vi.advanceTimersByTime(1000);
      expect(keeper.report().releases).toBe(1);
      keeper.releaseWhenQuiet('catch-up', 1000);
      keeper.close();
      vi.advanceTimersByTime(5000);
      expect(keeper.report().releases).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the server hands memory back after seeding the demo (GET /health -> process, admin)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marshrut-memory-'));
    const server = await startServer({ port: 0, dbFile: join(dir, 'server.db'), demo: { now: Date.now(), orders: 50, carriers: 20, drivers: 3 }, logger: silentLogger() });
    try {
      const tokens = JSON.parse(readFileSync(join(dir, 'demo-tokens.json'), 'utf8')) as { role: string; token: string }[];
      const admin = tokens.find((t) => t.role === 'admin')?.token ?? '';
      const res = await fetch(`${server.url}/health`, { headers: { authorization: `Bearer ${admin}` } });
      const body = (await res.json()) as { process?: unknown };
      expect(body.process).toMatchObject({ rssBytes: expect.any(Number), releases: 1, lastRelease: { rssAfterBytes: expect.any(Number) } });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
