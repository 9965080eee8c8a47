// Group commit: a user's edit is committed at once but told (API answer, push to the server)
// only after one fsynced commit, which every edit of the same turn shares. Counted through
// replica_meta.durableFlush, which each fsynced flush commit advances by one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../shared/api/wire';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/protocol';
import { createApi, type Api } from '../api/create-api';
import { memorySettings } from '../settings/settings-store';
import { FakeTimers } from '../testing/fake-timers';
import { FakeTransport } from '../testing/fake-transport';
import { eachFixtureReplica, T0 } from '../testing/fixture-replica';
import { createSyncClient, type SyncClient } from './sync-client';

const fx = eachFixtureReplica();
let net: FakeTransport;
let client: SyncClient;
let api: Api;
let timers: FakeTimers;

beforeEach(() => {
  net = new FakeTransport();
  timers = new FakeTimers(T0);
  client = createSyncClient({ replica: fx().replica, serverUrl: 'ws://x/sync', token: 't', transport: net.transport, timers, now: () => T0 });
  client.start();
  api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'ws://x/sync', token: 't' }), connect: () => client, now: () => T0 });
  net.last.open();
  net.last.receive({ type: 'welcome', serverId: 's', epoch: 'e1', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, headSeq: 0, lastMid: 0, user: { id: 'u-disp', name: 'Aigerim', role: 'dispatcher' } });
  net.last.receive({ type: 'caught-up', cursor: 0 });
  timers.flush();
  for (let i = 0; i < 20; i++) fx().addOrder({ id: `o${i}`, status: 'new' });
});
afterEach(async () => {
  await api.close();
});

const flushes = (): number => Number(fx().replica.sqlite.prepare("SELECT value FROM replica_meta WHERE key = 'durableFlush'").pluck().get() ?? 0);
const pushed = (): number[] => net.last.sentOf('push').flatMap((p) => (p['mutations'] as Array<{ mid: number }>).map((m) => m.mid));
/** The command's own ok (the reply's ok only says the call was handled). */
const result = (r: Reply<unknown>): boolean => r.ok && (r.value as { ok: boolean }).ok;
const comment = (i: number) => client.mutate('addComment', { orderId: `o${i}`, text: `note ${i}` });

describe('group commit', () => {
  it('ten edits in one turn share one fsynced commit; nothing is pushed before it', async () => {
    const before = flushes();
    for (let i = 0; i < 10; i++) expect(comment(i).ok).toBe(true);
    // Committed (the replica shows them) but not durable yet: not offered to the server.
    expect(fx().replica.sqlite.prepare("SELECT count(*) FROM order_events WHERE kind = 'comment'").pluck().get()).toBe(10);
    expect(pushed()).toEqual([]);
    await client.durable();
    expect(flushes()).toBe(before + 1);
    timers.flush();
    expect(pushed()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Nothing left to flush: durable() answers at once and no commit is made.
    await client.durable();
    expect(flushes()).toBe(before + 1);
  });

  it('edits awaited one by one cost one fsynced commit each', async () => {
    const before = flushes();
    for (let i = 0; i < 5; i++) {
      comment(i);
      await client.durable();
    }
    expect(flushes()).toBe(before + 5);
  });

  it('the API answers a command only once its edit is on disk; a refused one costs no commit', async () => {
    const before = flushes();
    const replies = await Promise.all([0, 1, 2].map((i) => api.dispatch('addComment', { orderId: `o${i}`, text: 'from the card' })));
    expect(replies.map(result)).toEqual([true, true, true]);
    expect(flushes()).toBe(before + 1);
    fx().addOrder({ id: 'done', status: 'delivered' });
    const refused = await api.dispatch('confirmOrder', { orderId: 'done' });
    expect(result(refused)).toBe(false);
    expect(flushes()).toBe(before + 1);
  });

  it('checkpoints the WAL at most once a second, after edits and after server frames, never before "saved"', async () => {
    const pragma = vi.spyOn(fx().replica.sqlite, 'pragma');
    const checkpoints = () => pragma.mock.calls.filter(([p]) => p === 'wal_checkpoint(PASSIVE)').length;
    timers.advance(1000);
    comment(0);
    await client.durable();
    expect(checkpoints()).toBe(0); // the waiters are told first
    await new Promise((r) => setImmediate(r));
    expect(checkpoints()).toBe(1);
    comment(1);
    await client.durable();
    await new Promise((r) => setImmediate(r));
    expect(checkpoints()).toBe(1); // within the second
    timers.advance(1000);
    net.last.receive({ type: 'changes', rows: [], cursor: 0 });
    timers.flush();
    await new Promise((r) => setImmediate(r));
    expect(checkpoints()).toBe(2);
  });

  it('stop() flushes what is pending', () => {
    const before = flushes();
    comment(0);
    client.stop();
    expect(flushes()).toBe(before + 1);
  });
});
