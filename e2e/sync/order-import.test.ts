// Orders from a spreadsheet end to end on a real replica and a real server: the console's typed
// API reads an XLSX file, previews it (a refused row says why, in codes the console words), refuses
// to import while any row is refused (nothing reaches the replica or the outbox), imports the fixed
// file whole (cut into parts by size, one local transaction), and the server holds every order
// once. The same file again is all duplicates; hostile files are refused with a reason.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResultWith } from '../../shared/api/define';
import type { OrderImportFile, OrderImportPreview } from '../../shared/api/order-import-api';
import { ORDER_IMPORT_SOURCE } from '../../shared/mutators/import-orders';
import { createApi, type Api } from '../../main/api/create-api';
import { openReplica, type Replica } from '../../main/db/open-replica';
import { memorySettings } from '../../main/settings/settings-store';
import { realSyncConnector } from '../../main/sync/sync-link';
import type { MarshrutServer } from '../../server/server';
import { addUser, seedServer, startTestServer, testDir, waitFor, type TestDir } from './harness';
import { value } from './desks';

let dir: TestDir;
let server: MarshrutServer;
let replica: Replica;
let api: Api;

// Tomorrow 14:00-16:00 in Astana (UTC+5), as a shop's export writes it.
const tomorrow = new Date(Date.now() + 5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
const HEADER = ['№ заказа', 'Получатель', 'Телефон', 'Город', 'Адрес', 'Доставить с', 'Доставить до', 'Вес, кг', 'Описание груза'];
const row = (i: number, over: Partial<Record<number, string | number | Date>> = {}): Array<string | number | Date> =>
  [`SHOP-${i}`, `Покупатель ${i}`, `+7 701 ${String(1_000_000 + i)}`, 'Астана', `ул. Кенесары ${i}`, `${tomorrow} 14:00`, `${tomorrow} 16:00`, 1 + (i % 5), 'Чайник'].map(
    (v, c) => over[c] ?? v,
  );

async function xlsx(rows: Array<Array<string | number | Date>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Заказы');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const importedCount = () => (replica.sqlite.prepare('SELECT count(*) AS n FROM orders WHERE external_source = ?').get(ORDER_IMPORT_SOURCE) as { n: number }).n;
const outboxCount = () => (replica.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
const serverCount = () => (server.db.sqlite.prepare('SELECT count(*) AS n FROM orders WHERE external_source = ?').get(ORDER_IMPORT_SOURCE) as { n: number }).n;

async function read(fileName: string, dataBase64: string) {
  return api.dispatch('readOrderImportFile', { fileName, dataBase64 });
}

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 2);
  const user = addUser(server, 'Dispatcher Aigerim');
  replica = openReplica(dir.file('desk.db'));
  api = createApi({ replica, settings: memorySettings({ serverUrl: server.url, token: user.token }), connect: realSyncConnector(replica) });
  await waitFor('the desk signed in', () => api.link.user() !== null, 10_000);
  await waitFor('the world in the replica', () => (replica.sqlite.prepare('SELECT count(*) AS n FROM warehouses').get() as { n: number }).n === 2, 10_000);
});

afterEach(async () => {
  await api.close();
  replica.close();
  await server.close();
  dir.cleanup();
});

describe('importing orders from a spreadsheet', () => {
  it('a refused row stops the whole file with its reason; the fixed file goes in whole and reaches the server once', async () => {
    // Row 3 has a phone nobody can call; row 5 repeats row 2's shop number; a date cell and a number cell are real Excel types.
    const bad = [HEADER, row(1, { 5: new Date(`${tomorrow}T14:00:00Z`), 6: new Date(`${tomorrow}T16:00:00Z`) }), row(2, { 2: '12-34' }), row(3), row(1)];
    const file = value<OrderImportFile>(await read('заказы.xlsx', await xlsx(bad)));
    expect(file.rowCount).toBe(4);
    expect(file.suggestedMapping).toMatchObject({ externalId: 0, customerName: 1, customerPhone: 2, deliveryCity: 3, deliveryAddress: 4, windowStart: 5, windowEnd: 6, weightKg: 7, cargoDescription: 8 });
    const preview = value<OrderImportPreview>(await api.dispatch('previewOrderImport', { importId: file.importId, mapping: file.suggestedMapping }));
    expect(preview.counts).toEqual({ new: 2, rejected: 2 });
    expect(preview.rows.filter((r) => r.status === 'rejected')).toEqual([
      expect.objectContaining({ rowNumber: 3, problems: [{ field: 'customerPhone', problem: 'phone' }] }),
      expect.objectContaining({ rowNumber: 5, problems: [{ field: 'externalId', problem: 'duplicate_in_file', value: '2' }] }),
    ]);

    const refused = value<CommandResultWith<{ created: number }>>(await api.dispatch('commitOrderImport', { importId: file.importId, mapping: file.suggestedMapping }));
    expect(refused).toMatchObject({ ok: false, code: 'invalid_request', details: { rejected: 2 } });
    expect(importedCount()).toBe(0);
    expect(outboxCount()).toBe(0);

    // Fixed, and long enough (200 rows with long descriptions) to need more than one mutation.
    const long = 'Бытовая техника, '.repeat(100);
    const good = [HEADER, ...Array.from({ length: 200 }, (_, i) => row(i + 1, { 8: long }))];
    const fixed = value<OrderImportFile>(await read('заказы.xlsx', await xlsx(good)));
    const ok = value<CommandResultWith<{ created: number; parts: number }>>(await api.dispatch('commitOrderImport', { importId: fixed.importId, mapping: fixed.suggestedMapping }));
    expect(ok).toMatchObject({ ok: true, created: 200 });
    if (!ok.ok) return;
    expect(ok.parts).toBeGreaterThan(1);
    expect(importedCount()).toBe(200);
    const one = replica.sqlite.prepare("SELECT * FROM orders WHERE external_id = 'SHOP-7'").get() as Record<string, unknown>;
    expect(one).toMatchObject({ customer_name: 'Покупатель 7', delivery_city: 'Астана', region_id: 'astana', status: 'new', weight_kg: 3 });
    expect(one['window_start']).toBe(Date.parse(`${tomorrow}T09:00:00Z`));
    await waitFor('every imported order on the server', () => serverCount() === 200, 20_000);
    await waitFor('the outbox drained', () => outboxCount() === 0, 20_000);
    const numbers = server.db.sqlite.prepare('SELECT count(DISTINCT number) AS n FROM orders WHERE external_source = ?').get(ORDER_IMPORT_SOURCE) as { n: number };
    expect(numbers.n).toBe(200);

    // The same file again: every row is a duplicate of the order it made, and nothing is queued.
    const again = value<OrderImportFile>(await read('заказы.xlsx', await xlsx(good.slice(0, 3))));
    const dup = value<OrderImportPreview>(await api.dispatch('previewOrderImport', { importId: again.importId, mapping: again.suggestedMapping }));
    expect(dup.counts).toEqual({ new: 0, rejected: 2 });
    expect(dup.rows[0]?.problems[0]).toMatchObject({ field: 'externalId', problem: 'duplicate_existing', value: expect.stringMatching(/^MR-\d+$/) });
  });

  it('parts queued together are applied together: a refused part leaves none of the others', () => {
    const sync = api.link.current()!;
    const args = (id: string) => ({
      externalId: id, customerName: 'Покупатель', customerPhone: '+7 701 1234567', deliveryAddress: 'ул. Кенесары 1', deliveryCity: 'Астана',
      deliveryLat: 51.16, deliveryLon: 71.43, pickupAddress: 'Pobedy 1', pickupLat: 51.18, pickupLon: 71.44, warehouseId: 'w1', regionId: 'astana', serviceType: 'standard' as const,
    });
    const out = sync.mutateAll([
      { name: 'importOrders', args: { rows: [args('P-1'), args('P-2')] } },
      { name: 'importOrders', args: { rows: [args('P-3'), args('P-3')] } },
    ]);
    expect(out).toMatchObject({ ok: false, details: { code: 'duplicate_external_id', index: 1 } });
    expect(importedCount()).toBe(0);
    expect(outboxCount()).toBe(0);
  });

  it('hostile files: another format, binary bytes, too many rows, too big, "__proto__" headers, formulas', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
    expect(await read('orders.csv', png)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('not an XLSX or CSV') } });
    expect(await read('orders.xls', Buffer.from('x').toString('base64'))).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const tooMany = [HEADER, ...Array.from({ length: 2001 }, (_, i) => row(i))].map((r) => r.join(';')).join('\n');
    expect(await read('orders.csv', Buffer.from(tooMany).toString('base64'))).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('2001 rows') } });
    expect(await read('orders.csv', 'A'.repeat(7_000_001))).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    const csv = ['__proto__;constructor;№ заказа;Получатель;Телефон;Город;Адрес', 'x;y;=1+2;Айгерим;+7 701 1234567;Астана;ул. Кенесары 1', 'x;y;W-2;Айгерим;+7 701 1234567;Астана;ул. Кенесары 2'].join('\r\n');
    const file = value<OrderImportFile>(await read('orders.csv', Buffer.from(csv).toString('base64')));
    expect(file.suggestedMapping).toEqual({ externalId: 2, customerName: 3, customerPhone: 4, deliveryCity: 5, deliveryAddress: 6 });
    expect(({} as Record<string, unknown>)['externalId']).toBeUndefined();
    const preview = value<OrderImportPreview>(await api.dispatch('previewOrderImport', { importId: file.importId, mapping: file.suggestedMapping }));
    expect(preview.counts).toEqual({ new: 1, rejected: 1 });
    expect(preview.rows[0]?.problems).toContainEqual({ field: 'externalId', problem: 'formula' });
    // Without the shop's number column nothing can be checked for duplicates: refused once.
    expect(await api.dispatch('previewOrderImport', { importId: file.importId, mapping: { customerName: 3 } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await api.dispatch('previewOrderImport', { importId: file.importId, mapping: { __proto__: 1 } as never })).toMatchObject({ ok: false });
  });
});
