// An import on its way to the server, said honestly in the dialog: made while the server is down,
// the file waits on the desktop ("nothing is on the server yet"); the server comes back without
// the warehouse row 4 names (removed meanwhile), so it refuses the whole file: the dialog says so
// with the row, no order of the file is in the queue or on the server. A server and console of
// their own (offsets 14-15), so stopping the server disturbs no other spec. English and Russian.
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { EmbeddedServer } from '../main/start/embedded-server';
import { callHost, e2ePort, startHost, startIsolatedServer, untilSynced, type HostProcess } from './harness';

const SERVER_PORT = e2ePort(14);
let server: EmbeddedServer;
let host: HostProcess;

test.beforeAll(async () => {
  server = await startIsolatedServer('import-offline-server', SERVER_PORT);
  host = await startHost({ serverUrl: server.url, token: server.tokenFor('dispatcher'), port: e2ePort(15), name: 'import-offline-console' });
  await untilSynced(host.url);
});
test.afterAll(async () => {
  await host?.stop();
  await server?.stop();
});

const run = Date.now().toString(36);
const tomorrow = new Date(Date.now() + 5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);

test('an import made offline waits, then the server refuses it whole and the dialog names the row', async ({ page }, info) => {
  // The demo's two Almaty warehouses: rows 2-3 go to the first, row 4 to the second.
  const kept = { id: 'wh-almaty-1' };
  const gone = { id: 'wh-almaty-2' };
  const header = ['№ заказа', 'Получатель', 'Телефон', 'Город', 'Адрес доставки', 'Доставить с', 'Доставить до', 'Склад'];
  const rows = [1, 2, 3].map((i) => [`OFF-${run}-${i}`, `Офлайн ${run} ${i}`, `+7 701 555 10 0${i}`, 'Алматы', `ул. Абая ${i}`, `${tomorrow} 14:00`, `${tomorrow} 16:00`, i === 3 ? gone.id : kept.id]);
  const csv = [header, ...rows].map((r) => r.join(';')).join('\r\n');

  const status = page.getByRole('status', { name: /^Connection status:/ });
  await page.goto(host.url);
  await expect(status).toHaveAccessibleName('Connection status: Online');
  await server.stop({ kill: true });
  await expect(status).toHaveAccessibleName('Connection status: Offline', { timeout: 30_000 });

  await page.getByRole('button', { name: 'Import orders' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import orders from a spreadsheet' });
  await dialog.getByLabel('XLSX or CSV file').setInputFiles({ name: 'offline.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByRole('button', { name: 'Import 3 orders' }).click();
  await expect(dialog.getByRole('status')).toContainText('No connection to the server: the file waits on this computer');
  await expect(dialog.getByRole('status')).toContainText('0 / 1');
  await page.screenshot({ path: info.outputPath('order-import-offline-en.png') });
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('Нет связи с сервером: файл ждёт на этом компьютере');
  await page.screenshot({ path: info.outputPath('order-import-offline-ru.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');

  // Meanwhile the warehouse row 4 names is gone from the server (and from its change log, so the
  // console never hears of it): the server's own check refuses that row, and with it the file.
  const w = new Database(server.dbFile);
  w.prepare('DELETE FROM warehouses WHERE id = ?').run(gone.id);
  w.prepare("DELETE FROM change_log WHERE tbl = 'warehouses' AND row_id = ?").run(gone.id);
  w.close();
  server = await startIsolatedServer('import-offline-server', SERVER_PORT, false);
  await expect(status).toHaveAccessibleName('Connection status: Online', { timeout: 60_000 });

  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The server refused the file: no order of it was imported', { timeout: 30_000 });
  await expect(alert).toContainText('Row 4, Warehouse');
  await expect(alert).toContainText(`Warehouse ${gone.id} does not exist`);
  await page.screenshot({ path: info.outputPath('order-import-refused-server-en.png') });
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Сервер отклонил файл');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Строка 4, Склад');
  await page.screenshot({ path: info.outputPath('order-import-refused-server-ru.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');

  // None of the file in the console's queue (rolled back) nor on the server.
  const local = await callHost(host.url, 'listOrders', { search: `Офлайн ${run}`, limit: 10 });
  expect(local.rows).toHaveLength(0);
  const r = new Database(server.dbFile, { readonly: true });
  expect((r.prepare("SELECT count(*) AS n FROM orders WHERE external_id LIKE ?").get(`OFF-${run}-%`) as { n: number }).n).toBe(0);
  r.close();
});
