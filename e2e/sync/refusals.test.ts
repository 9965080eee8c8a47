// States only the user can fix: a server of another protocol version ('incompatible') and
// a refused token ('unauthorized'). The client stops hammering the server and keeps its
// outbox; a fixed token resumes syncing. And a change the server refuses later arrives with
// its code and the field it names, which the console words in its own language.
import { describe, it, expect } from 'vitest';
import { FaultyNetwork } from './faulty-network';
import { addUser, openClient, waitConverged, waitFor } from './harness';
import { useSyncWorld } from './sync-world';

const world = useSyncWorld(3);

describe('refusals', () => {
  it('a protocol version the server does not speak: incompatible, with its message, outbox kept', async () => {
    const user = addUser(world.server, 'Dispatcher Aigerim');
    const net = new FaultyNetwork();
    let attempts = 0;
    const a = openClient(world.dir.file('a.db'), world.server.url, user.token, {
      transport: (url, token, handlers) => {
        attempts++;
        return net.transport(url, token, handlers);
      },
    });
    world.clients.push(a);
    await waitConverged(world.server, world.clients);
    net.goOffline();
    a.sync.mutate('addComment', { orderId: 'o100', text: 'waiting for the update' });
    // The next connection speaks "protocol 99" (an app newer than the server).
    net.plan.outbound = (text) => {
      const msg = JSON.parse(text) as { type: string };
      return msg.type === 'hello' ? [JSON.stringify({ ...msg, protocolVersion: 99 })] : [text];
    };
    net.goOnline();
    await waitFor('incompatible', () => a.sync.state().connection === 'incompatible');
    const state = a.sync.state();
    expect(state.lastError).toMatch(/protocol 99/);
    expect(state.lastError).toMatch(/unsent changes are kept/);
    expect(state.pendingCount).toBe(1);
    // No reconnect storm: not one attempt more over three of the client's longest back-offs
    // (200 ms in openClient), the window in which a retrying client would have come back.
    const attemptsWhenRefused = attempts;
    await new Promise((r) => setTimeout(r, 3 * 200));
    expect(attempts).toBe(attemptsWhenRefused);
    expect(a.sync.state().connection).toBe('incompatible');
    expect(world.server.hub.counts().connected).toBe(0);
  });

  it('a wrong token: unauthorized, no retries; the right token resumes and pushes the outbox', async () => {
    const user = addUser(world.server, 'Dispatcher Aigerim');
    const a = openClient(world.dir.file('a.db'), world.server.url, 'not-a-token', { user: { id: user.id, name: user.name, role: 'dispatcher' } });
    world.clients.push(a);
    await waitFor('unauthorized', () => a.sync.state().connection === 'unauthorized');
    expect(a.sync.state().lastError).toMatch(/401/);
    // Offline-first: the user works before ever connecting (no rows yet, so a rejection is local).
    expect(a.sync.mutate('addComment', { orderId: 'o100', text: 'x' })).toMatchObject({ ok: false, code: 'not_found', message: expect.stringMatching(/does not exist/) });
    a.sync.setToken(user.token);
    await waitConverged(world.server, world.clients);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'now it works' });
    await waitConverged(world.server, world.clients);
    expect(world.server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment = 'now it works'").pluck().get()).toBe(1);
  });

  it('a role that may not make a change is refused locally, before anything is queued', async () => {
    const user = addUser(world.server, 'Storekeeper Nurlan', 'warehouse');
    const a = openClient(world.dir.file('a.db'), world.server.url, user.token);
    world.clients.push(a);
    await waitConverged(world.server, world.clients);
    expect(a.sync.mutate('assignDriver', { orderId: 'o100', driverId: 'd1', seenVersion: 1 })).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/A warehouse user can't assign drivers/) });
    expect(a.sync.state().pendingCount).toBe(0);
  });

  it("a change the real server refuses later arrives with its code and the field it names, kept in the replica", async () => {
    const admin = addUser(world.server, 'Admin Dana', 'admin');
    const actor = { id: admin.id, name: admin.name, actor: 'admin' as const, role: 'admin' as const };
    expect(world.server.runMutation('createCarrier', { name: 'ТОО Жол Транс', phone: '+7 701 555 12 34', securityCheck: 'passed' }, actor).result).toBe('applied');
    const carrierId = world.server.db.sqlite.prepare('SELECT id FROM carriers').pluck().get() as string;
    expect(world.server.runMutation('addCarrierLane', { carrierId, fromCity: 'Алматы', toCity: 'Астана' }, actor).result).toBe('applied');
    const laneId = world.server.db.sqlite.prepare('SELECT id FROM carrier_lanes').pluck().get() as string;
    const net = new FaultyNetwork();
    const a = openClient(world.dir.file('a.db'), world.server.url, addUser(world.server, 'Logistician Asel', 'logistician').token, { transport: net.transport });
    const b = openClient(world.dir.file('b.db'), world.server.url, addUser(world.server, 'Logistician Marat', 'logistician').token);
    world.clients.push(a, b);
    await waitConverged(world.server, world.clients);
    // Both remove the same direction; Asel is offline, so Marat's removal reaches the server first.
    net.goOffline();
    expect(a.sync.mutate('removeCarrierLane', { laneId })).toMatchObject({ ok: true });
    expect(b.sync.mutate('removeCarrierLane', { laneId })).toMatchObject({ ok: true });
    await waitFor('Marat confirmed', () => b.sync.state().pendingCount === 0);
    net.goOnline();
    await waitConverged(world.server, world.clients);
    expect(a.sync.conflicts()).toMatchObject([{ name: 'removeCarrierLane', code: 'not_found', field: 'laneId' }]);
    expect(a.replica.sqlite.prepare('SELECT code, field FROM conflicts').all()).toEqual([{ code: 'not_found', field: 'laneId' }]);
    expect(b.sync.conflicts()).toEqual([]);
  });
});
