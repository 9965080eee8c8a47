// A catch-up is served in slices, one per turn of the event loop (./catch-up-pacer.ts): the
// pacer's sizing on its own, then real sessions whose change-log reads are recorded with the
// turn they ran in, so a server that served a whole snapshot (or a page of 20,000 seqs) in one
// turn (or a windowed page of 20,000 entries) fails here. The live desktop's frames keep flowing meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { CHANGES_FRAME_ROWS, syncWindowStart, type Changes } from '../../shared/protocol';
import { DAY_MS } from '../../shared/reports/report-period';
import { T0 } from '../../shared/testing/fake-world';
import { testOrderRow } from '../../shared/testing/order-row';
import { CatchUpPacer, DEFAULT_CATCH_UP_PACING, type CatchUpPacing } from './catch-up-pacer';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

describe('the catch-up pacer', () => {
  const pacing: CatchUpPacing = { sliceMs: 10, minEntries: 25, maxEntries: 20_000, maxRows: 1000 };

  it('starts small, at most doubles while slices are quick, and sends at most a frame', () => {
    const p = new CatchUpPacer(pacing);
    expect([p.entries, p.rows]).toEqual([25, 25]);
    p.took(1);
    expect(p.entries).toBe(50);
    p.took(0); // a slice too quick to measure doubles too, never jumps to the maximum
    expect(p.entries).toBe(100);
    for (let i = 0; i < 5; i++) p.took(1);
    expect([p.entries, p.rows]).toEqual([3200, 1000]);
    for (let i = 0; i < 10; i++) p.took(1);
    expect([p.entries, p.rows]).toEqual([20_000, 1000]);
  });

  it('shrinks a slice that took too long in proportion, never below the minimum', () => {
    const p = new CatchUpPacer(pacing);
    for (let i = 0; i < 6; i++) p.took(1);
    expect(p.entries).toBe(1600);
    p.took(40); // four times the budget: a quarter of the size
    expect(p.entries).toBe(400);
    p.took(10); // on budget: unchanged
    expect(p.entries).toBe(400);
    p.took(5000);
    expect([p.entries, p.rows]).toEqual([25, 25]);
  });

  it('by default a slice is a few ms and a frame at most', () => {
    expect(DEFAULT_CATCH_UP_PACING.sliceMs).toBeLessThanOrEqual(20);
    expect(DEFAULT_CATCH_UP_PACING.maxRows).toBe(CHANGES_FRAME_ROWS);
  });
});

let t: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t?.stop();
  t = null;
});

async function connect(s: TestServer, user: string): Promise<TestClient> {
  const c = await connectTestClient(s.server.url, s.tokens[user] as string);
  clients.push(c);
  return c;
}

interface Read {
  turn: number;
  rows: number;
  /** Change-log seqs the read looked at (its cursor's advance). */
  examined: number;
}

/**
 * Records every catch-up read of the server's change log with the turn of the event loop it
 * ran in (a setImmediate ticker counts the turns), until stop() is called.
 */
function recordReads(s: TestServer): { reads: Read[]; stop: () => void } {
  const log = s.server.engine.log;
  const reads: Read[] = [];
  let turn = 0;
  let ticking = true;
  const tick = (): void => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const readAfter = log.readAfter.bind(log);
  const readWindowAfter = log.readWindowAfter.bind(log);
  log.readAfter = (cursor, limit) => {
    const rows = readAfter(cursor, limit);
    // The engine's own pump reads without a limit; only the catch-up's pages are recorded.
    if (limit < Number.MAX_SAFE_INTEGER) reads.push({ turn, rows: rows.length, examined: (rows[rows.length - 1]?.seq ?? cursor) - cursor });
    return rows;
  };
  log.readWindowAfter = (cursor, windowStart, limit, scan) => {
    const page = readWindowAfter(cursor, windowStart, limit, scan);
    reads.push({ turn, rows: page.rows.length, examined: page.through - cursor });
    return page;
  };
  return {
    reads,
    stop: () => {
      ticking = false;
      log.readAfter = readAfter;
      log.readWindowAfter = readWindowAfter;
    },
  };
}

/** Per turn of the event loop: the rows served and the seqs examined in it. */
function perTurn(reads: readonly Read[]): { rows: number; examined: number; reads: number }[] {
  const turns = new Map<number, { rows: number; examined: number; reads: number }>();
  for (const r of reads) {
    const x = turns.get(r.turn) ?? { rows: 0, examined: 0, reads: 0 };
    turns.set(r.turn, { rows: x.rows + r.rows, examined: x.examined + r.examined, reads: x.reads + 1 });
  }
  return [...turns.values()];
}

function addCustomers(s: TestServer, from: number, n: number): void {
  s.server.engine.writeRows((tx) => {
    for (let i = from; i < from + n; i++) tx.put('customers', { id: `c${i}`, name: `Customer ${i}`, phone: '', email: null, vipNormMinutes: null, updatedAt: i });
  });
}

describe('a catch-up in slices', () => {
  it('serves a 6,000-row snapshot one bounded slice per turn while a live desktop keeps getting its frames', async () => {
    const s = (t = await startTestServer());
    const live = await connect(s, 'u-dispatcher');
    live.hello({ clientId: 'desk-live' });
    await live.next('caught-up');
    addCustomers(s, 0, 6000);
    await live.next('changes', (m) => m.rows.some((r) => r.id === 'c5999'));

    const rec = recordReads(s);
    const newcomer = await connect(s, 'u-dispatcher2');
    newcomer.hello({ clientId: 'desk-new' });
    await newcomer.next('changes');
    // Committed while the newcomer's snapshot is under way: the live desktop hears of it
    // before the snapshot ends (its frame is not queued behind the newcomer's pages).
    addCustomers(s, 100_000, 1);
    await live.next('changes', (m) => m.rows.some((r) => r.id === 'c100000'));
    const newcomerDoneBefore = newcomer.messages.some((m) => m.type === 'caught-up');
    await newcomer.next('caught-up', undefined, 30_000);
    rec.stop();

    expect(newcomerDoneBefore).toBe(false);
    const frames = newcomer.messages.filter((m): m is Changes => m.type === 'changes');
    const customers = new Set(frames.flatMap((f) => f.rows.filter((r) => r.table === 'customers').map((r) => r.id)));
    expect(customers.size).toBe(6001);
    const turns = perTurn(rec.reads);
    // One read per turn, never more than a frame's rows in it: the snapshot took many turns.
    expect(turns.every((x) => x.reads === 1)).toBe(true);
    expect(Math.max(...turns.map((x) => x.rows))).toBeLessThanOrEqual(CHANGES_FRAME_ROWS);
    expect(turns.length).toBeGreaterThanOrEqual(Math.ceil(6001 / CHANGES_FRAME_ROWS) + 1);
    // It starts with a small slice and grows only as fast as slices prove quick.
    expect(rec.reads[0]?.rows).toBe(DEFAULT_CATCH_UP_PACING.minEntries);
  }, 60_000);

  it('a windowed snapshot over history outside the window examines a bounded stretch per turn', async () => {
    const now = T0;
    const start = syncWindowStart(now, 30);
    // Every slice counts as over budget: the pacer keeps it at its minimum, so the test sees
    // the bound the pacer sets reach the change-log reads.
    const pacing: CatchUpPacing = { sliceMs: 0, minEntries: 20, maxEntries: 20_000, maxRows: 1000 };
    const s = (t = await startTestServer({ clock: () => now, syncLimits: { catchUp: pacing } }));
    s.server.engine.writeRows((tx) => {
      for (let i = 0; i < 300; i++) {
        const old = start - 400 * DAY_MS + i;
        tx.put('orders', testOrderRow({ id: `old-${i}`, number: `MR-old-${i}`, status: 'closed', createdAt: old, updatedAt: old, statusChangedAt: old }));
      }
      for (let i = 0; i < 40; i++) tx.put('orders', testOrderRow({ id: `open-${i}`, number: `MR-open-${i}`, status: 'new', createdAt: now, updatedAt: now, statusChangedAt: now }));
    });
    const rec = recordReads(s);
    const c = await connect(s, 'u-dispatcher');
    c.hello({ clientId: 'desk-window', historyDays: 30 });
    await c.next('caught-up', undefined, 30_000);
    rec.stop();

    const orders = c.messages.flatMap((m) => (m.type === 'changes' ? m.rows.filter((r) => r.table === 'orders').map((r) => r.id) : []));
    expect(orders.filter((id) => id.startsWith('open-'))).toHaveLength(40);
    expect(orders.some((id) => id.startsWith('old-'))).toBe(false);
    const turns = perTurn(rec.reads);
    expect(turns.every((x) => x.reads === 1)).toBe(true);
    expect(Math.max(...turns.map((x) => x.examined))).toBeLessThanOrEqual(pacing.minEntries);
    expect(Math.max(...turns.map((x) => x.rows))).toBeLessThanOrEqual(pacing.minEntries);
    // The 300 old orders' seqs alone take 15 turns of 20 (one may straddle a row sent).
    expect(turns.filter((x) => x.rows === 0 && x.examined > 0).length).toBeGreaterThanOrEqual(300 / 20 - 1);
  }, 60_000);
});
