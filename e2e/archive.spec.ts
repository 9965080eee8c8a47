// The order archive in the console (issue 19): a desktop keeps 62 days; an order 400 days old
// lives only on the server. Searching by the customer's name (English) or phone (Russian) finds
// nothing locally, so the console asks the server's archive and lists the order marked
// "archive"; it opens read-only, marked "Archive — from the server", with no actions. With the
// server stopped the search says the server can't be reached, not "nothing found". A server and
// console of their own, so stopping the server disturbs no other spec.
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import type { EmbeddedServer } from '../main/start/embedded-server';
import { callHost, e2ePort, startHost, startIsolatedServer, untilSynced, type HostProcess } from './harness';

const SERVER_PORT = e2ePort(50);
const NUMBER = 'AR-400001';
const DAY = 86_400_000;
let server: EmbeddedServer;
let host: HostProcess;

// A demo server of its own (its seed) and a console's first sync before the first test, as driver-card.spec.
test.describe.configure({ timeout: 240_000 });

/** A delivered order 400 days old, written into the running server's database (WAL: a second writer waits its turn). */
function seedOldOrder(dbFile: string): void {
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 10000');
  const old = Date.now() - 400 * DAY;
  db.transaction(() => {
    db.exec('CREATE TEMP TABLE t AS SELECT * FROM orders LIMIT 1');
    db.prepare(
      `UPDATE t SET id = 'o-archive-1', number = ?, customer_name = 'ТОО «Архивный Клиент»', customer_phone = '+7 701 999 88 77',
       status = 'delivered', sub_mark = NULL, problem_reason = NULL, problem_comment = NULL, driver_id = NULL, carrier_id = NULL,
       carrier_deal_id = NULL, courier_provider = NULL, courier_tracking_number = NULL, external_id = NULL, external_source = NULL,
       created_at = ?, confirmed_at = ?, picked_at = ?, delivered_at = ?, status_changed_at = ?, updated_at = ?`,
    ).run(NUMBER, old, old + 600_000, old + 3_600_000, old + 7_200_000, old + 7_200_000, old + 7_200_000);
    db.exec('INSERT INTO orders SELECT * FROM t; DROP TABLE t');
    const event = db.prepare(
      `INSERT INTO order_events (id, order_id, kind, at, from_status, to_status, actor, actor_name, source, comment) VALUES (?, 'o-archive-1', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    event.run('ev-archive-1', 'created', old, null, 'new', 'dispatcher', 'Айгерим', 'manual', null);
    event.run('ev-archive-2', 'status', old + 7_200_000, 'in_transit', 'delivered', 'driver', null, 'driver', 'Оставлено у охраны');
  })();
  db.close();
}

test.beforeAll(async () => {
  server = await startIsolatedServer('archive-server', SERVER_PORT);
  seedOldOrder(server.dbFile);
  host = await startHost({ serverUrl: server.url, token: server.tokenFor('dispatcher'), port: e2ePort(51), name: 'archive-console' });
  await untilSynced(host.url);
});
test.afterAll(async () => {
  await host?.stop();
  await server?.stop();
});

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox').first().fill(text);
}

test('an order older than the window is found through the server and opens read-only (English)', async ({ page }, info) => {
  // The replica does not hold it: the window keeps 62 days.
  const local = await callHost(host.url, 'openArchiveOrder', { number: NUMBER });
  expect('localId' in local).toBe(false);
  await callHost(host.url, 'setSettings', { language: 'en' });
  await page.goto(host.url);
  await search(page, 'Архивный');
  const results = page.getByRole('region', { name: 'Older orders on the server' });
  await expect(results.getByRole('heading')).toHaveText('Server archive by customer: 1 order');
  const row = results.getByRole('button', { name: new RegExp(`^${NUMBER}, .*archive$`) });
  await expect(row).toBeVisible();
  await page.screenshot({ path: info.outputPath('archive-search-en.png') });

  await row.click();
  const card = page.getByRole('article', { name: new RegExp(`^Order card ${NUMBER}, Archive — from the server$`) });
  await expect(card).toBeVisible();
  await expect(card.getByText('Archive — from the server')).toBeVisible();
  await expect(card.getByRole('note')).toContainText('Read-only');
  await expect(card.getByText('Оставлено у охраны')).toBeVisible();
  // Nothing to do on it: no toolbar, no buttons but closing it.
  await expect(card.getByRole('toolbar')).toHaveCount(0);
  await expect(card.getByRole('button')).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('archive-card-en.png') });
});

test('found by phone and shown in Russian', async ({ page }, info) => {
  await callHost(host.url, 'setSettings', { language: 'ru' });
  await page.goto(host.url);
  await search(page, '999 88 77');
  const results = page.getByRole('region', { name: 'Старые заказы на сервере' });
  await expect(results.getByRole('heading')).toHaveText('Архив сервера по телефону: 1 заказ');
  await page.screenshot({ path: info.outputPath('archive-search-ru.png') });
  await results.getByRole('button', { name: new RegExp(`^${NUMBER}, `) }).click();
  const card = page.getByRole('article', { name: new RegExp(`Архив — с сервера$`) });
  await expect(card.getByRole('note')).toContainText('Только просмотр');
  await expect(card.getByRole('note')).toContainText('Получено с сервера в');
  await page.screenshot({ path: info.outputPath('archive-card-ru.png') });
  await callHost(host.url, 'setSettings', { language: 'en' });
});

test('with the server stopped the search says so, never "nothing found"', async ({ page }, info) => {
  await callHost(host.url, 'setSettings', { language: 'en' });
  await page.goto(host.url);
  await server.stop({ kill: true });
  await search(page, 'Архивн');
  const results = page.getByRole('region', { name: 'Older orders on the server' });
  await expect(results.getByRole('alert')).toContainText('The server can’t be reached, so older orders can’t be searched now');
  await expect(results.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(results.getByRole('heading')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('archive-server-down-en.png') });
  await callHost(host.url, 'setSettings', { language: 'ru' });
  await page.goto(host.url);
  await search(page, 'Архивны');
  await expect(page.getByRole('region', { name: 'Старые заказы на сервере' }).getByRole('alert')).toContainText('Сервер недоступен');
  await page.screenshot({ path: info.outputPath('archive-server-down-ru.png') });
  await callHost(host.url, 'setSettings', { language: 'en' });
});
