// Catch-up: frames of at most 1,000 rows (sized per turn: catch-up-slices.test.ts), latest state once per row, resume from a cursor, and the
// snapshot path when the cursor predates compaction (or is ahead of the server).
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { CHANGES_FRAME_ROWS, type Changes, type ServerMessage } from '../../shared/protocol';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
const clients: TestClient[] = [];
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.stop();
});

function addCustomers(from: number, n: number, name = 'Customer'): void {
  t.server.engine.writeRows((tx) => {
    for (let i = from; i < from + n; i++) tx.put('customers', { id: `c${i}`, name: `${name} ${i}`, phone: '', email: null, vipNormMinutes: null, updatedAt: i });
  });
}

async function catchUp(cursor: number, epoch?: string): Promise<{ messages: ServerMessage[]; frames: Changes[]; caughtUp: number }> {
  const c = await connectTestClient(t.server.url, t.tokens['u-admin'] as string);
  clients.push(c);
  c.hello({ clientId: `desk-${clients.length}`, cursor, ...(epoch === undefined ? {} : { epoch }) });
  const caughtUp = await c.next('caught-up', undefined, 20_000);
  const frames = c.messages.filter((m): m is Changes => m.type === 'changes');
  return { messages: [...c.messages], frames, caughtUp: caughtUp.cursor };
}

describe('catch-up', () => {
  it('sends every row in frames of at most 1,000, ascending seq, then caught-up at head', async () => {
    addCustomers(0, 2500);
    const { frames, caughtUp } = await catchUp(0);
    const rows = frames.flatMap((f) => f.rows);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames.every((f) => f.rows.length <= CHANGES_FRAME_ROWS)).toBe(true);
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const f of frames) expect(f.cursor).toBe(f.rows[f.rows.length - 1]?.seq);
    expect(rows.filter((r) => r.table === 'customers')).toHaveLength(2500);
    expect(caughtUp).toBe(t.server.engine.log.headSeq());
    // Rows arrive in drizzle shape: camelCase, booleans as booleans, JSON parsed.
    expect(rows.find((r) => r.table === 'users' && r.id === 'u-admin')?.row).toMatchObject({ active: true, warehouseId: null });
    expect(rows.find((r) => r.table === 'regions')?.row?.['workingDays']).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends only the latest state of each row changed after the cursor, deletions as null', async () => {
    addCustomers(0, 10);
    const cursor = t.server.engine.log.headSeq();
    addCustomers(5, 10, 'Renamed'); // c5..c9 change again, c10..c14 are new
    t.server.engine.writeRows((tx) => tx.delete('customers', 'c1'));
    const { frames } = await catchUp(cursor);
    const rows = frames.flatMap((f) => f.rows);
    expect(rows.map((r) => r.id).sort()).toEqual(['c1', 'c10', 'c11', 'c12', 'c13', 'c14', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(rows.find((r) => r.id === 'c5')?.row?.['name']).toBe('Renamed 5');
    expect(rows.find((r) => r.id === 'c1')).toMatchObject({ table: 'customers', row: null });
    expect(rows.every((r) => r.seq > cursor)).toBe(true);
  });

  it('a client whose cursor predates compaction gets snapshot-begin and the full state', async () => {
    addCustomers(0, 20);
    const oldCursor = t.server.engine.log.headSeq();
    t.server.engine.writeRows((tx) => {
      tx.delete('customers', 'c0');
      tx.delete('customers', 'c1');
    });
    addCustomers(100, 1);
    const { dropped } = t.server.engine.log.compact(t.server.engine.log.headSeq());
    expect(dropped).toBe(2);
    const { messages, frames } = await catchUp(oldCursor);
    expect(messages.findIndex((m) => m.type === 'snapshot-begin')).toBeLessThan(messages.findIndex((m) => m.type === 'changes'));
    expect(messages.find((m) => m.type === 'snapshot-begin')).toMatchObject({ reason: 'compacted' });
    const customers = frames.flatMap((f) => f.rows).filter((r) => r.table === 'customers');
    expect(customers).toHaveLength(19); // c2..c19 and c100: every live row, no tombstones for the compacted deletions
    expect(customers.every((r) => r.row !== null)).toBe(true);
    // A client at or after the compaction point resumes normally.
    const fresh = await catchUp(t.server.engine.log.compactedBefore());
    expect(fresh.messages.some((m) => m.type === 'snapshot-begin')).toBe(false);
  });

  it('a cursor ahead of the server (restored backup) gets a snapshot too', async () => {
    const { messages } = await catchUp(t.server.engine.log.headSeq() + 1000);
    expect(messages.find((m) => m.type === 'snapshot-begin')).toMatchObject({ reason: 'cursor_ahead' });
    expect(messages.some((m) => m.type === 'changes')).toBe(true);
  });

  it('a cursor of another epoch (the server was restored) gets a snapshot even below the head', async () => {
    addCustomers(0, 50);
    const head = t.server.engine.log.headSeq();
    const same = await catchUp(head - 10, t.server.engine.epoch);
    expect(same.messages.find((m) => m.type === 'welcome')).toMatchObject({ epoch: t.server.engine.epoch });
    expect(same.messages.some((m) => m.type === 'snapshot-begin')).toBe(false);
    expect(same.frames.flatMap((f) => f.rows)).toHaveLength(10);
    const other = await catchUp(head - 10, 'epoch-of-the-lost-history');
    expect(other.messages.find((m) => m.type === 'snapshot-begin')).toMatchObject({ reason: 'restored', headSeq: head });
    expect(other.frames.flatMap((f) => f.rows).length).toBeGreaterThanOrEqual(50);
    // A replica that never heard of epochs (none sent) continues from its cursor.
    expect((await catchUp(head - 10)).messages.some((m) => m.type === 'snapshot-begin')).toBe(false);
  });

  it('commits made during a catch-up are not lost: they come later in the catch-up or live', async () => {
    addCustomers(0, 5000);
    const c = await connectTestClient(t.server.url, t.tokens['u-admin'] as string);
    clients.push(c);
    c.hello({ clientId: 'desk-race' });
    await c.next('changes');
    addCustomers(0, 3, 'Changed during catch-up');
    addCustomers(9000, 1, 'New during catch-up');
    await c.next('caught-up', undefined, 20_000);
    addCustomers(9001, 1, 'New after');
    await c.next('changes', (m) => m.rows.some((r) => r.id === 'c9001'));
    const latest = new Map<string, unknown>();
    for (const m of c.messages) if (m.type === 'changes') for (const r of m.rows) latest.set(r.id, r.row?.['name']);
    expect(latest.get('c0')).toBe('Changed during catch-up 0');
    expect(latest.get('c9000')).toBe('New during catch-up 9000');
    expect(latest.get('c4999')).toBe('Customer 4999');
  });
});
