// No half-imported file, on a real server and a real replica: a spreadsheet of 450 orders goes
// out as 3 importOrders parts (200, 200, 50 rows). The server holds parts until the last arrives
// and applies them together; the connection dropping after part 2, or the server restarting
// between parts, leaves the server with none of the file's orders until the rest arrives, then
// all of them once. A part the server refuses (a row's warehouse removed meanwhile) refuses the
// whole file: nothing on the server, the replica rolled back, and the console's progress names
// the spreadsheet row. Hostile parts (raw pushes) are refused and counted.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResultWith } from '../../shared/api/define';
import type { OrderImportFile, OrderImportProgress } from '../../shared/api/order-import-api';
import { ORDER_IMPORT_SOURCE } from '../../shared/mutators/import-orders';
import { createApi, type Api } from '../../main/api/create-api';
import { openReplica, type Replica } from '../../main/db/open-replica';
import { memorySettings } from '../../main/settings/settings-store';
import { createSyncClient } from '../../main/sync/sync-client';
import type { SyncConnector } from '../../main/sync/sync-link';
import type { MarshrutServer } from '../../server/server';
import { FaultyNetwork } from './faulty-network';
import { addUser, seedServer, startTestServer, testDir, waitFor, type SeededUser, type TestDir } from './harness';
import { value } from './desks';

let dir: TestDir;
let server: MarshrutServer;
let replica: Replica;
let api: Api;
let net: FaultyNetwork;
let user: SeededUser;

const tomorrow = new Date(Date.now() + 5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
const HEADER = ['№ заказа', 'Получатель', 'Телефон', 'Город', 'Адрес', 'Доставить с', 'Доставить до', 'Склад'];
const row = (i: number, warehouse = 'w1') => [`B-${i}`, `Покупатель ${i}`, `+7 701 ${String(1_000_000 + i)}`, 'Астана', `ул. Кенесары ${i}`, `${tomorrow} 14:00`, `${tomorrow} 16:00`, warehouse];
const ORDERS = 450;

async function xlsx(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Заказы');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const count = (sqlite: Replica['sqlite'] | MarshrutServer['db']['sqlite']) =>
  (sqlite.prepare('SELECT count(*) AS n FROM orders WHERE external_source = ?').get(ORDER_IMPORT_SOURCE) as { n: number }).n;
const serverCount = () => count(server.db.sqlite);
const localCount = () => count(replica.sqlite);
const heldParts = () => (server.db.sqlite.prepare('SELECT count(*) AS n FROM import_batch_parts').get() as { n: number }).n;
const outboxCount = () => (replica.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
const health = () => server.engine.imports.counters.snapshot();

/** Lets pushes through only with parts below `upTo` (a push frame is cut there); the rest are lost on the wire. */
function passPartsBelow(upTo: number, after: () => void): void {
  net.plan.outbound = (text) => {
    const msg = JSON.parse(text) as { type: string; mutations?: Array<{ args: { batch?: { part: number } } }> };
    if (msg.type !== 'push' || msg.mutations === undefined) return [text];
    const kept = msg.mutations.filter((m) => (m.args.batch?.part ?? 0) < upTo);
    if (kept.length < msg.mutations.length) setTimeout(after, 0);
    return kept.length === 0 ? [] : [JSON.stringify({ ...msg, mutations: kept })];
  };
}

async function commitFile(rows: string[][]): Promise<{ batchId: string; parts: number }> {
  const file = value<OrderImportFile>(await api.dispatch('readOrderImportFile', { fileName: 'заказы.xlsx', dataBase64: await xlsx([HEADER, ...rows]) }));
  const r = value<CommandResultWith<{ created: number; parts: number; batchId: string }>>(
    await api.dispatch('commitOrderImport', { importId: file.importId, mapping: file.suggestedMapping }),
  );
  if (!r.ok) throw new Error(r.message);
  return r;
}

const progress = async (batchId: string) => value<OrderImportProgress>(await api.dispatch('orderImportProgress', { batchId }));

async function startDesk(): Promise<void> {
  replica = openReplica(dir.file('desk.db'));
  const connect: SyncConnector = ({ serverUrl, token }) => {
    const c = createSyncClient({ replica, serverUrl, token, transport: net.transport, backoff: { initialMs: 20, maxMs: 200, factor: 2 } });
    c.start();
    return c;
  };
  api = createApi({ replica, settings: memorySettings({ serverUrl: server.url, token: user.token }), connect });
  await waitFor('the desk signed in', () => api.link.user() !== null, 10_000);
  await waitFor('the world in the replica', () => (replica.sqlite.prepare('SELECT count(*) AS n FROM warehouses').get() as { n: number }).n === 2, 10_000);
}

beforeEach(async () => {
  dir = testDir();
  net = new FaultyNetwork();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 2);
  user = addUser(server, 'Dispatcher Aigerim');
  await startDesk();
});

afterEach(async () => {
  await api.close();
  replica.close();
  await server.close();
  dir.cleanup();
});

const file = (warehouseAt?: number) => Array.from({ length: ORDERS }, (_, i) => row(i + 1, i + 1 === warehouseAt ? 'w2' : 'w1'));

describe('a file in parts reaches the server whole or not at all', () => {
  it('the connection drops after part 2: the server holds none of its orders; back online, all of them once', async () => {
    passPartsBelow(2, () => undefined);
    const { batchId, parts } = await commitFile(file());
    expect(parts).toBe(3);
    // The replica shows the whole file at once (pending), never a part of it.
    expect(localCount()).toBe(ORDERS);
    await waitFor('parts 1 and 2 held by the server', () => heldParts() === 2);
    let p = await progress(batchId);
    for (let i = 0; i < 400 && p.received < 2; i++) {
      await new Promise((r) => setTimeout(r, 25));
      p = await progress(batchId);
    }
    // The desktop heard "held" for parts 1 and 2; part 3 is lost on the wire, and the cable goes.
    expect(p).toMatchObject({ parts: 3, received: 2, state: 'sending', online: true });
    net.goOffline();
    await waitFor('the desk offline', () => api.link.connection().status === 'offline');
    expect(serverCount()).toBe(0);
    expect(localCount()).toBe(ORDERS);
    expect(await progress(batchId)).toMatchObject({ parts: 3, received: 2, state: 'sending', online: false });

    net.plan = {};
    net.goOnline();
    await waitFor('the whole file on the server', () => serverCount() === ORDERS);
    await waitFor('the outbox drained', () => outboxCount() === 0);
    expect(await progress(batchId)).toMatchObject({ received: 3, state: 'done', refusal: null });
    expect(serverCount()).toBe(ORDERS);
    expect((server.db.sqlite.prepare('SELECT count(DISTINCT external_id) AS n FROM orders WHERE external_source = ?').get(ORDER_IMPORT_SOURCE) as { n: number }).n).toBe(ORDERS);
    expect(heldParts()).toBe(0);
    expect(localCount()).toBe(ORDERS);
    // The optimistic rows were the server's rows (same ids): no order twice in the replica.
    const ids = (db: Replica['sqlite']) => (db.prepare('SELECT id FROM orders WHERE external_source = ? ORDER BY id').pluck().all(ORDER_IMPORT_SOURCE) as string[]).join();
    expect(ids(replica.sqlite)).toBe(ids(server.db.sqlite));
    // Parts 1 and 2 were sent twice (before and after the drop) and held once.
    expect(health()).toMatchObject({ committed: 1, ordersCommitted: ORDERS, refused: 0 });
  });

  it('the server restarts between parts: the held parts survive, nothing doubles, the file goes in once', async () => {
    passPartsBelow(2, () => undefined);
    await commitFile(file());
    await waitFor('parts 1 and 2 held by the server', () => heldParts() === 2);
    expect(serverCount()).toBe(0);
    const port = server.port;
    await server.close();
    net.plan = {};
    server = await startTestServer(dir.file('server.db'), port);
    expect(heldParts()).toBe(2);
    expect(serverCount()).toBe(0);
    await waitFor('the whole file on the server', () => serverCount() === ORDERS, 30_000);
    await waitFor('the outbox drained', () => outboxCount() === 0);
    expect(serverCount()).toBe(ORDERS);
    expect(localCount()).toBe(ORDERS);
    expect(heldParts()).toBe(0);
    // The restarted server counted its replays of parts 1-2 and one commit.
    expect(health()).toMatchObject({ committed: 1, ordersCommitted: ORDERS });
  });

  it('a part the server refuses refuses the file: nothing on the server, the replica rolled back, the row named', async () => {
    net.goOffline();
    await waitFor('the desk offline', () => api.link.connection().status === 'offline');
    // Row 420 of the sheet (in part 3) goes to warehouse w2, which the server removes meanwhile.
    const { batchId } = await commitFile(file(419));
    expect(localCount()).toBe(ORDERS);
    expect(await progress(batchId)).toMatchObject({ received: 0, state: 'queued', online: false });
    server.engine.writeRows((tx) => tx.delete('warehouses', 'w2'));
    net.goOnline();
    await waitFor('the outbox drained', () => outboxCount() === 0);
    const p = await progress(batchId);
    expect(p).toMatchObject({ state: 'refused', refusal: { code: 'not_found', row: 420, field: 'warehouseId' } });
    expect(p.refusal?.message).toMatch(/^Row 420, warehouseId: Warehouse w2 does not exist\. Nothing of the file was imported/);
    expect(serverCount()).toBe(0);
    expect(localCount()).toBe(0);
    expect(heldParts()).toBe(0);
    // One conflict for the file, not one per part.
    const conflicts = api.link.current()?.conflicts() ?? [];
    expect(conflicts.filter((c) => c.name === 'importOrders')).toHaveLength(1);
    expect(health()).toMatchObject({ committed: 0, refused: 1, refusedByCode: { import_refused: 1 } });
  });
});
