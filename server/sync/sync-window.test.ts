// The sync window over the wire (protocol 3): a desktop that says historyDays gets a snapshot
// of open orders, orders created or changed in the window (never fewer days than the
// reports' LOCAL_REPORT_DAYS) and the rows those orders need; every other table whole. A
// protocol-2 desktop (no field) still gets the whole history; a resumed cursor gets every
// change after it; a hostile historyDays is refused naming the field and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, LOCAL_REPORT_DAYS, localHorizonMs } from '../../shared/reports/report-period';
import { PROTOCOL_VERSION, SCHEMA_VERSION, syncWindowStart, type ChangeRow, type Changes, type ServerMessage } from '../../shared/protocol';
import { T0 } from '../../shared/testing/fake-world';
import { testOrderRow } from '../../shared/testing/order-row';
import type { MutatorTx } from '../../shared/mutators';
import type { OrderRow } from '../../shared/schema';
import { rowCodecs } from '../../shared/schema/row-codec';
import { ORDER_KEYED_TABLES, WHOLE_TABLES_WITH_ORDER_ID } from './window-filter';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

const NOW = T0;
const START = syncWindowStart(NOW, 30);

let t: TestServer;
const clients: TestClient[] = [];
beforeEach(async () => {
  t = await startTestServer({ clock: () => NOW });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.stop();
});

function putOrder(tx: MutatorTx, id: string, over: Partial<OrderRow>): void {
  tx.put('orders', testOrderRow({ id, number: `MR-${id}`, ...over }));
}

function event(tx: MutatorTx, id: string, orderId: string, at: number): void {
  tx.put('order_events', {
    id, orderId, kind: 'comment', at, fromStatus: null, toStatus: null, subMark: null, actor: 'dispatcher', actorId: null,
    actorName: null, source: 'manual', reason: null, comment: 'x', driverId: null, changes: null, handover: null,
  });
}

function message(tx: MutatorTx, id: string, orderId: string | null, at: number): void {
  tx.put('messages', {
    id, audience: orderId === null ? 'staff' : 'customer', orderId, alertId: null, trigger: 'delivered', channel: 'sms', recipient: '+77010000000',
    recipientName: '', language: 'ru', subject: '', body: 'b', state: 'sent', attempts: 1, nextAttemptAt: at, lastError: null,
    providerId: null, createdAt: at, sentAt: at, updatedAt: at,
  });
}

function alert(tx: MutatorTx, id: string, orderId: string | null, warehouseId: string | null): void {
  tx.put('alerts', {
    id, orderId, orderNumber: orderId === null ? null : `MR-${orderId}`, warehouseId, kind: orderId === null ? 'no_shift_start' : 'not_picked',
    dueAt: OLD, triggeredAt: OLD, createdAt: OLD, audience: 'supervisor', assigneeId: null, priority: false, customerName: '', messageRu: 'ru',
    messageEn: 'en', tasks: [], state: 'open', acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, resolvedAt: null,
    resolution: null, updatedAt: OLD,
  });
}

/** An order and one row of each table that hangs off it, all as old as `at`. */
function orderWithRows(tx: MutatorTx, id: string, over: Partial<OrderRow>, at: number): void {
  putOrder(tx, id, { createdAt: at, updatedAt: at, statusChangedAt: at, ...over });
  event(tx, `ev-${id}`, id, at);
  tx.put('delivery_codes', { id, code: '1234', issuedAt: at, issuedBy: null, updatedAt: at });
  tx.put('tracking_links', { id, token: `tok-${id}`, url: `http://x/t/${id}`, createdAt: at, expiresAt: null, updatedAt: at });
  tx.put('delivery_proofs', { id: `${id}:code`, orderId: id, kind: 'code', fileId: null, at, driverId: null, actorName: null, updatedAt: at });
  message(tx, `msg-${id}`, id, at);
}

const OLD = START - 300 * DAY_MS;

/** The history: which orders a 30-day window keeps is in each name. */
function seedHistory(): void {
  t.server.engine.writeRows((tx) => {
    orderWithRows(tx, 'in-open-old', { status: 'in_transit' }, OLD);
    orderWithRows(tx, 'out-delivered-old', { status: 'delivered' }, OLD);
    orderWithRows(tx, 'out-closed-old', { status: 'closed' }, OLD);
    orderWithRows(tx, 'out-cancelled-just-before', { status: 'cancelled' }, START - 1);
    orderWithRows(tx, 'in-closed-created-at-start', { status: 'closed' }, START);
    // Created long ago, changed inside the window (delivered late, say).
    putOrder(tx, 'in-closed-touched', { status: 'closed', createdAt: OLD, updatedAt: START + 1000, statusChangedAt: START + 1000 });
    event(tx, 'ev-in-closed-touched', 'in-closed-touched', OLD);
    // A carrier deal is carrier history: kept whole even for an order outside the window.
    tx.put('carrier_deals', {
      id: 'deal-old', carrierId: 'car-x', orderId: 'out-closed-old', fromCity: 'Алматы', toCity: 'Астана', vehicleType: null, rate: 1,
      currency: 'KZT', dealAt: OLD, outcome: 'success', note: '', vehicleId: null, loadingAt: null, contact: null, updatedAt: OLD,
    });
    message(tx, 'msg-staff', null, OLD);
    // Alerts go with their order; a warehouse alert (no order) goes whole, however old.
    alert(tx, 'al-in-open-old', 'in-open-old', null);
    alert(tx, 'al-out-closed-old', 'out-closed-old', null);
    alert(tx, 'alw-old', null, 'w1');
    tx.put('customers', { id: 'cust-old', name: 'Old customer', phone: '', email: null, vipNormMinutes: null, updatedAt: OLD });
  });
}

async function sync(hello: Parameters<TestClient['hello']>[0]): Promise<{ messages: ServerMessage[]; rows: ChangeRow[]; c: TestClient }> {
  const c = await connectTestClient(t.server.url, t.tokens['u-dispatcher'] as string);
  clients.push(c);
  c.hello({ clientId: `desk-${clients.length}`, ...hello });
  await c.next('caught-up', undefined, 20_000);
  const rows = c.messages.filter((m): m is Changes => m.type === 'changes').flatMap((f) => f.rows);
  return { messages: [...c.messages], rows, c };
}

const idsOf = (rows: ChangeRow[], table: string): string[] => rows.filter((r) => r.table === table).map((r) => r.id).sort();
const testOrders = (rows: ChangeRow[]): string[] => idsOf(rows, 'orders').filter((id) => id.startsWith('in-') || id.startsWith('out-'));

describe('the sync window', () => {
  it('is never shorter than the days the reports trust the replica for, whatever was asked', () => {
    expect(START).toBe(localHorizonMs(NOW, LOCAL_REPORT_DAYS));
    expect(syncWindowStart(NOW, 1)).toBe(START);
    expect(syncWindowStart(NOW, 100)).toBe(localHorizonMs(NOW, 100));
    expect(syncWindowStart(NOW, 100)).toBeLessThan(START);
  });

  it('a fresh desktop with historyDays gets open orders, orders made or changed in the window and their rows; other tables whole', async () => {
    seedHistory();
    const { messages, rows } = await sync({ historyDays: 30 });
    expect(messages.find((m) => m.type === 'snapshot-begin')).toMatchObject({ reason: 'window' });
    const keep = ['in-closed-created-at-start', 'in-closed-touched', 'in-open-old'];
    expect(testOrders(rows)).toEqual(keep);
    expect(idsOf(rows, 'order_events').filter((id) => id.startsWith('ev-'))).toEqual(keep.map((id) => `ev-${id}`));
    const withRows = keep.filter((id) => id !== 'in-closed-touched');
    expect(idsOf(rows, 'delivery_codes')).toEqual(withRows);
    expect(idsOf(rows, 'tracking_links')).toEqual(withRows);
    expect(idsOf(rows, 'delivery_proofs')).toEqual(withRows.map((id) => `${id}:code`));
    expect(idsOf(rows, 'messages')).toEqual([...withRows.map((id) => `msg-${id}`), 'msg-staff'].sort());
    expect(idsOf(rows, 'carrier_deals')).toEqual(['deal-old']);
    expect(idsOf(rows, 'alerts')).toEqual(['al-in-open-old', 'alw-old']);
    expect(idsOf(rows, 'customers')).toContain('cust-old');
    expect(idsOf(rows, 'users')).toContain('u-dispatcher');
    expect(rows.every((r) => r.row !== null)).toBe(true);
    const caughtUp = messages.find((m) => m.type === 'caught-up');
    expect(caughtUp).toMatchObject({ cursor: t.server.engine.log.headSeq() });
  });

  it('a longer window reaches further back', async () => {
    seedHistory();
    const { rows } = await sync({ historyDays: 400 });
    expect(testOrders(rows)).toContain('out-cancelled-just-before');
    expect(testOrders(rows)).toContain('out-closed-old');
  });

  it('a protocol-2 desktop (no historyDays) still gets the whole history, and so does a protocol-3 one that asks for none', async () => {
    seedHistory();
    const all = ['in-closed-created-at-start', 'in-closed-touched', 'in-open-old', 'out-cancelled-just-before', 'out-closed-old', 'out-delivered-old'];
    const old = await sync({ protocolVersion: 2 });
    expect(old.messages[0]).toMatchObject({ type: 'welcome', protocolVersion: 2 });
    expect(old.messages.some((m) => m.type === 'snapshot-begin')).toBe(false);
    expect(testOrders(old.rows)).toEqual(all);
    expect(idsOf(old.rows, 'order_events')).toContain('ev-out-closed-old');
    const current = await sync({});
    expect(testOrders(current.rows)).toEqual(all);
  });

  it('a protocol older than 2 is refused as before', async () => {
    const c = await connectTestClient(t.server.url, t.tokens['u-dispatcher'] as string);
    clients.push(c);
    c.hello({ protocolVersion: 1 });
    await expect(c.next('error')).resolves.toMatchObject({ code: 'version_mismatch', protocolVersion: PROTOCOL_VERSION });
    await expect(c.closed).resolves.toMatchObject({ code: 4002 });
  });

  it('a resumed cursor gets every change after it, in the window or not (the desktop may hold the row)', async () => {
    seedHistory();
    const cursor = t.server.engine.log.headSeq();
    t.server.engine.writeRows((tx) => event(tx, 'ev-late-old', 'out-closed-old', OLD + 1));
    const { messages, rows } = await sync({ historyDays: 30, cursor });
    expect(messages.some((m) => m.type === 'snapshot-begin')).toBe(false);
    expect(rows.map((r) => r.id)).toEqual(['ev-late-old']);
  });

  it('pages through long stretches outside the window a bounded scan at a time, to the same rows', () => {
    seedHistory();
    t.server.engine.writeRows((tx) => {
      for (let i = 0; i < 50; i++) event(tx, `ev-bulk-${i}`, 'out-closed-old', OLD);
    });
    const { log } = t.server.engine;
    const head = log.headSeq();
    const read = (limit: number, scan: number): { rows: string[]; calls: number } => {
      const out: string[] = [];
      let from = 0;
      let calls = 0;
      while (from < head) {
        const page = log.readWindowAfter(from, START, limit, scan);
        expect(page.through).toBeGreaterThan(from);
        expect(page.through).toBeLessThanOrEqual(Math.min(head, from + scan));
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        out.push(...page.rows.map((r) => `${r.table}:${r.id}`));
        from = page.through;
        calls++;
      }
      return { rows: out, calls };
    };
    const whole = read(10_000, 1_000_000);
    expect(whole.calls).toBe(1);
    const small = read(3, 7);
    expect(small.rows).toEqual(whole.rows);
    expect(small.calls).toBeGreaterThan(head / 7);
    expect(whole.rows.some((r) => r.startsWith('order_events:ev-bulk'))).toBe(false);
  });
});

describe('which tables hang off an order', () => {
  it('every synced table with an order_id column is decided: filtered with its order, or kept whole', () => {
    for (const codec of Object.values(rowCodecs())) {
      if (!codec.columns.includes('order_id')) continue;
      const decided = ORDER_KEYED_TABLES[codec.table] === 'order_id' || WHOLE_TABLES_WITH_ORDER_ID.includes(codec.table);
      expect(decided, `${codec.table} has an order_id: add it to ORDER_KEYED_TABLES or WHOLE_TABLES_WITH_ORDER_ID`).toBe(true);
    }
  });
});

describe('a hostile historyDays', () => {
  const bad: unknown[] = [-1, 0, 1e9, 3661, 30.5, '30', null, true, {}, [], '__proto__', Number.MAX_SAFE_INTEGER + 2];
  it.each(bad.map((v) => [JSON.stringify(v), v]))('%s is refused naming the field, and nothing is sent', async (_, value) => {
    seedHistory();
    const c = await connectTestClient(t.server.url, t.tokens['u-dispatcher'] as string);
    clients.push(c);
    c.send({ type: 'hello', protocolVersion: 3, schemaVersion: SCHEMA_VERSION, clientId: 'h', cursor: 0, lastAckedMid: 0, historyDays: value });
    const e = await c.next('error');
    expect(e.code).toBe('bad_message');
    expect(e.message).toContain('historyDays');
    // The connection still waits for a good hello: nothing was sent, nothing registered.
    c.hello({ clientId: 'h', historyDays: 30 });
    await c.next('caught-up', undefined, 20_000);
    expect(c.messages.filter((m) => m.type === 'welcome')).toHaveLength(1);
  });

  it('a "__proto__" key carrying historyDays is an unknown key: no window, and nothing polluted', async () => {
    seedHistory();
    const c = await connectTestClient(t.server.url, t.tokens['u-dispatcher'] as string);
    clients.push(c);
    c.sendRaw('{"type":"hello","protocolVersion":3,"schemaVersion":' + String(SCHEMA_VERSION) + ',"clientId":"p","cursor":0,"lastAckedMid":0,"__proto__":{"historyDays":30}}');
    await c.next('caught-up', undefined, 20_000);
    expect(c.messages.some((m) => m.type === 'snapshot-begin')).toBe(false);
    expect(({} as Record<string, unknown>)['historyDays']).toBeUndefined();
  });
});
