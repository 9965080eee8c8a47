import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_START_REQUESTS, FIRST_QUEUE_PAGE, PROBLEM_QUEUE_REQUEST } from '../../shared/api/console-start';
import type { ReadonlyReplica } from '../db/open-replica';
import { createApi, type Api } from './create-api';
import { createFakeSync, type FakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, HOUR, T0 } from '../testing/fixture-replica';
import { memoryLogger, type MemoryLogger } from '../testing/memory-logger';
import { memorySettings } from '../settings/settings-store';

const WARMED = ['listOrders', 'problemQueue', 'listDrivers', 'orderPoints'] as const;

describe('warmUp', () => {
  const fx = eachFixtureReplica();
  let sync: FakeSync;
  let api: Api;
  let logs: MemoryLogger;
  /** Every SQL text the API prepared through prepareRead, in order. */
  let prepared: string[];

  beforeEach(() => {
    fx().addOrder({ id: 'late', status: 'confirmed', confirmedAt: T0 - 30 * HOUR, slaDeadline: T0 - HOUR, driverId: 'd1' });
    fx().addOrder({ id: 'done', status: 'delivered', slaDeadline: T0 - 50 * HOUR, deliveredAt: T0 - 51 * HOUR });
    sync = createFakeSync();
    logs = memoryLogger();
    prepared = [];
    const replica: ReadonlyReplica = {
      db: fx().replica.db,
      prepareRead: (sql) => {
        prepared.push(sql);
        return fx().replica.prepareRead(sql);
      },
    };
    api = createApi({
      replica,
      settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }),
      connect: () => sync,
      now: () => T0,
      logger: logs.logger,
    });
  });
  afterEach(async () => {
    await api.close();
  });

  const spyHandlers = () => Object.fromEntries(WARMED.map((m) => [m, vi.spyOn(api.handlers, m)])) as Record<(typeof WARMED)[number], ReturnType<typeof vi.spyOn>>;

  it('runs the console start requests once each, with their parameters, through the handlers', async () => {
    const spies = spyHandlers();
    const counts = vi.spyOn(api.handlers, 'orderCounts');
    await api.warmUp();
    expect(CONSOLE_START_REQUESTS.map((r) => r.method)).toEqual(WARMED);
    for (const m of WARMED) expect(spies[m]).toHaveBeenCalledTimes(1);
    // Parsed as a host's call is: the first page exactly, and the problem queue's limit.
    expect(spies.listOrders).toHaveBeenCalledWith(FIRST_QUEUE_PAGE);
    expect(spies.problemQueue).toHaveBeenCalledWith(PROBLEM_QUEUE_REQUEST);
    expect(counts).not.toHaveBeenCalled(); // the window never asks for it
    expect(logs.lines.filter((l) => l.msg === 'warm-up query failed')).toEqual([]);
  });

  it('prepares every statement the window’s first requests need', async () => {
    await api.warmUp();
    const warmed = new Set(prepared);
    prepared.length = 0;
    for (const { method, args } of CONSOLE_START_REQUESTS) {
      // As the window sends them: through JSON, as over the browser host's socket.
      const wire: unknown = args === undefined ? undefined : JSON.parse(JSON.stringify(args));
      const reply = await api.dispatch(method, wire);
      expect(reply.ok).toBe(true);
    }
    expect(prepared.length).toBeGreaterThan(0);
    expect(prepared.filter((sql) => !warmed.has(sql))).toEqual([]);
  });

  it('changes nothing: no writes, no mutations, no events', async () => {
    const events: string[] = [];
    const off = api.events.onAny((e) => events.push(e));
    const changes = () => (fx().replica.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    await api.warmUp();
    off();
    expect(changes()).toBe(before);
    expect(sync.calls).toEqual([]);
    expect(events).toEqual([]);
  });

  it('runs nothing before its caller goes on, and lets a call made meanwhile go first', async () => {
    const spies = spyHandlers();
    const order: string[] = [];
    spies.listOrders.mockImplementation(() => {
      order.push('listOrders');
      return { rows: [], total: 0, offset: 0 };
    });
    spies.problemQueue.mockImplementation(() => {
      order.push('problemQueue');
      return { items: [], counts: { problem: 0, breached: 0, at_risk: 0, untouched_new: 0, unpicked_confirmed: 0 } };
    });
    const warming = api.warmUp();
    expect(order).toEqual([]);
    await api.dispatch('problemQueue', PROBLEM_QUEUE_REQUEST);
    await warming;
    // The window's own problemQueue ran first and already warmed it: the warm-up skips it.
    expect(order).toEqual(['problemQueue', 'listOrders']);
  });

  it('logs a failing request and goes on with the others', async () => {
    const spies = spyHandlers();
    spies.listOrders.mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    await expect(api.warmUp()).resolves.toBeUndefined();
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'warm-up query failed', method: 'listOrders', code: 'internal', reason: expect.stringContaining('disk I/O error') }));
    expect(spies.problemQueue).toHaveBeenCalledTimes(1);
    expect(spies.orderPoints).toHaveBeenCalledTimes(1);
  });

  it('stops when the API closes', async () => {
    const spies = spyHandlers();
    const warming = api.warmUp();
    await api.close();
    await warming;
    for (const m of WARMED) expect(spies[m]).not.toHaveBeenCalled();
  });
});
