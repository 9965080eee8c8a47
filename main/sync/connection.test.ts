import { describe, it, expect } from 'vitest';
import { PROTOCOL_VERSION, type Mutation, type Welcome } from '../../shared/protocol';
import type { InboundFrame } from './apply-frames';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { createConnection, type ConnectionDelegate, type ConnectionStatus } from './connection';
import { FakeTimers } from '../testing/fake-timers';
import { FakeTransport } from '../testing/fake-transport';

/** A delegate over an in-memory outbox: enough to drive the loop without a database. */
function fakeDelegate() {
  const outbox: Mutation[] = [];
  const applied: InboundFrame[][] = [];
  const statuses: Array<{ status: ConnectionStatus; error: string | null }> = [];
  const refused: string[] = [];
  let lastAcked = 0;
  const d: ConnectionDelegate & { outbox: Mutation[]; applied: InboundFrame[][]; statuses: typeof statuses; refused: string[] } = {
    outbox,
    refused,
    applied,
    statuses,
    hello: () => ({ clientId: 'c1', cursor: 7, lastAckedMid: lastAcked }),
    welcome: () => 'proceed',
    frames(frames) {
      applied.push(frames);
      let caughtUp = false;
      for (const f of frames) {
        if (f.type === 'caught-up') caughtUp = true;
        if (f.type === 'ack') {
          lastAcked = Math.max(lastAcked, f.mid);
          const i = outbox.findIndex((m) => m.mid === f.mid);
          if (i >= 0) outbox.splice(i, 1);
        }
      }
      return { caughtUp, lastAckedMid: lastAcked, switchIdentity: false };
    },
    pending: (_c, after, limit) => outbox.filter((m) => m.mid > after).slice(0, limit),
    positions: () => undefined,
    identityRefused: (clientId) => void refused.push(clientId),
    status: (status, error) => void statuses.push({ status, error }),
  };
  return d;
}

const welcome: Welcome = {
  type: 'welcome',
  serverId: 's',
  epoch: 'e1',
  protocolVersion: 1,
  schemaVersion: 1,
  headSeq: 10,
  lastMid: 0,
  user: { id: 'u1', name: 'Dispatcher Aigerim', role: 'dispatcher' },
};

function setup(random = () => 0.5) {
  const timers = new FakeTimers(1_000);
  const net = new FakeTransport();
  const delegate = fakeDelegate();
  const conn = createConnection({ url: 'ws://x/sync', token: () => 'tok', transport: net.transport, delegate, timers, random, pingIntervalMs: 1000 });
  return { timers, net, delegate, conn };
}

function goOnline(s: ReturnType<typeof setup>) {
  s.conn.start();
  s.net.last.open();
  s.net.last.receive(welcome);
  s.net.last.receive({ type: 'caught-up', cursor: 10 });
  s.timers.flush();
}

const mutation = (mid: number): Mutation => ({ mid, name: 'addComment', args: { orderId: 'o1', text: `c${mid}` }, at: 5 });

describe('connection loop', () => {
  it('says hello with the delegate identity and the token, then goes online at caught-up', () => {
    const s = setup();
    s.conn.start();
    expect(s.conn.status()).toBe('connecting');
    expect(s.net.last.token).toBe('tok');
    s.net.last.open();
    expect(s.net.last.sentOf('hello')[0]).toMatchObject({ clientId: 'c1', cursor: 7, lastAckedMid: 0, protocolVersion: PROTOCOL_VERSION });
    s.net.last.receive(welcome);
    expect(s.conn.status()).toBe('catching_up');
    s.net.last.receive({ type: 'changes', rows: [], cursor: 9 });
    s.net.last.receive({ type: 'caught-up', cursor: 10 });
    s.timers.flush();
    expect(s.conn.status()).toBe('online');
    // Frames that arrived together were applied as one batch.
    expect(s.delegate.applied).toHaveLength(1);
    expect(s.delegate.applied[0]).toHaveLength(2);
  });

  it('pushes nothing before caught-up, then the outbox in mid order', () => {
    const s = setup();
    s.delegate.outbox.push(mutation(1), mutation(2), mutation(3));
    s.conn.start();
    s.net.last.open();
    s.net.last.receive(welcome);
    s.timers.flush();
    expect(s.net.last.sentOf('push')).toHaveLength(0);
    s.net.last.receive({ type: 'caught-up', cursor: 10 });
    s.timers.flush();
    const pushes = s.net.last.sentOf('push');
    expect(pushes).toHaveLength(1);
    expect((pushes[0]?.['mutations'] as Mutation[]).map((m) => m.mid)).toEqual([1, 2, 3]);
    // A new mutation is pushed alone, after a poke.
    s.delegate.outbox.push(mutation(4));
    s.conn.poke();
    s.timers.flush();
    expect((s.net.last.sentOf('push')[1]?.['mutations'] as Mutation[]).map((m) => m.mid)).toEqual([4]);
  });

  it('pushes a lone edit at once, and coalesces the rest of a burst into one push on the next turn', () => {
    const s = setup();
    goOnline(s);
    s.delegate.outbox.push(mutation(1));
    s.conn.poke();
    // Nothing was in flight: sent without waiting for the loop.
    expect((s.net.last.sentOf('push')[0]?.['mutations'] as Mutation[]).map((m) => m.mid)).toEqual([1]);
    s.delegate.outbox.push(mutation(2));
    s.conn.poke();
    s.delegate.outbox.push(mutation(3));
    s.conn.poke();
    expect(s.net.last.sentOf('push')).toHaveLength(1);
    s.timers.flush();
    const pushes = s.net.last.sentOf('push');
    expect(pushes).toHaveLength(2);
    expect((pushes[1]?.['mutations'] as Mutation[]).map((m) => m.mid)).toEqual([2, 3]);
  });

  it('keeps at most maxInFlight unacknowledged mutations on the wire', () => {
    const timers = new FakeTimers();
    const net = new FakeTransport();
    const delegate = fakeDelegate();
    for (let i = 1; i <= 5; i++) delegate.outbox.push(mutation(i));
    const conn = createConnection({ url: 'ws://x', token: () => 't', transport: net.transport, delegate, timers, maxInFlight: 2 });
    goOnline({ timers, net, delegate, conn });
    expect(net.last.sentOf('push').flatMap((p) => (p['mutations'] as Mutation[]).map((m) => m.mid))).toEqual([1, 2]);
    net.last.receive({ type: 'ack', mid: 1, result: 'applied', cursor: 10 });
    timers.flush();
    expect(net.last.sentOf('push').flatMap((p) => (p['mutations'] as Mutation[]).map((m) => m.mid))).toEqual([1, 2, 3]);
  });

  it('resends from expectedMid on mid_gap', () => {
    const s = setup();
    s.delegate.outbox.push(mutation(1), mutation(2), mutation(3));
    goOnline(s);
    s.net.last.receive({ type: 'error', code: 'mid_gap', message: 'gap', expectedMid: 2 });
    const pushes = s.net.last.sentOf('push');
    expect((pushes[1]?.['mutations'] as Mutation[]).map((m) => m.mid)).toEqual([2, 3]);
  });

  it('on client_id_taken asks the delegate for a new identity and reconnects at once', () => {
    const s = setup();
    s.conn.start();
    s.net.last.open();
    s.net.last.receive({ type: 'error', code: 'client_id_taken', message: 'This client id belongs to another user' });
    expect(s.delegate.refused).toEqual(['c1']);
    expect(s.net.sockets[0]?.closed).toBe(true);
    expect(s.timers.pendingDelays()).toContain(0);
    s.timers.advance(0);
    expect(s.net.sockets).toHaveLength(2);
  });

  it('reconnects with exponential backoff and jitter, resetting after it got online', () => {
    const s = setup(() => 0);
    s.conn.start();
    s.net.last.end();
    expect(s.conn.status()).toBe('offline');
    // random 0 -> half of the ceiling: 125, 250, 500 ...
    expect(s.timers.pendingDelays()).toContain(125);
    s.timers.advance(125);
    expect(s.net.sockets).toHaveLength(2);
    s.net.last.end();
    expect(s.timers.pendingDelays()).toContain(250);
    s.timers.advance(250);
    goOnlineExisting(s);
    s.net.last.end();
    expect(s.timers.pendingDelays()).toContain(125);
  });

  it('backoff stays within [ceiling/2, ceiling] and caps at maxMs', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.initialMs * 2 ** attempt);
      expect(backoffDelay(DEFAULT_BACKOFF, attempt, 0)).toBe(Math.round(ceiling / 2));
      expect(backoffDelay(DEFAULT_BACKOFF, attempt, 0.999999)).toBeLessThanOrEqual(ceiling);
    }
  });

  it('stops retrying on version_mismatch and reports incompatible with the server message', () => {
    const s = setup();
    s.delegate.outbox.push(mutation(1));
    s.conn.start();
    s.net.last.open();
    s.net.last.receive({ type: 'error', code: 'version_mismatch', message: 'Update the app; your unsent changes are kept.' });
    s.net.last.end({ code: 4002 });
    s.timers.advance(120_000);
    expect(s.conn.status()).toBe('incompatible');
    expect(s.net.sockets).toHaveLength(1);
    expect(s.delegate.statuses.at(-1)).toEqual({ status: 'incompatible', error: 'Update the app; your unsent changes are kept.' });
    expect(s.delegate.outbox).toHaveLength(1);
  });

  it('stops retrying on a refused token until reconnect() (new token)', () => {
    const s = setup();
    s.conn.start();
    s.net.last.end({ unauthorized: true });
    s.timers.advance(120_000);
    expect(s.conn.status()).toBe('unauthorized');
    expect(s.net.sockets).toHaveLength(1);
    s.conn.reconnect();
    expect(s.net.sockets).toHaveLength(2);
  });

  it('drops a silent connection after two ping intervals and reconnects', () => {
    const s = setup();
    goOnline(s);
    s.timers.advance(1000);
    expect(s.net.last.sentOf('ping')).toHaveLength(1);
    s.timers.advance(2500);
    expect(s.net.sockets[0]?.closed).toBe(true);
    expect(s.net.sockets).toHaveLength(2);
  });

  it('treats an unreadable server frame as a broken connection, applying nothing', () => {
    const s = setup();
    goOnline(s);
    s.net.last.receive('{"type":"changes","rows":"nope"}');
    s.timers.flush();
    expect(s.delegate.applied).toHaveLength(1);
    expect(s.net.sockets[0]?.closed).toBe(true);
    expect(s.delegate.statuses.some((x) => x.error?.includes('cannot read') === true)).toBe(true);
  });

  it('ignores frames from a socket it already left', () => {
    const s = setup();
    goOnline(s);
    const old = s.net.last;
    old.end();
    old.receive({ type: 'caught-up', cursor: 99 });
    s.timers.flush();
    expect(s.delegate.applied).toHaveLength(1);
  });

  it('stop() closes and never reconnects', () => {
    const s = setup();
    goOnline(s);
    s.conn.stop();
    s.timers.advance(120_000);
    expect(s.net.sockets).toHaveLength(1);
    expect(s.conn.status()).toBe('offline');
  });
});

function goOnlineExisting(s: ReturnType<typeof setup>) {
  s.net.last.open();
  s.net.last.receive(welcome);
  s.net.last.receive({ type: 'caught-up', cursor: 10 });
  s.timers.flush();
}
