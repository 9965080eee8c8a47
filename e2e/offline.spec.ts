// Offline: stopping the central server shows "Offline"; an edit made meanwhile is applied
// locally and marked pending; when the server returns it is sent, acknowledged, and the server
// has it. A server and console of its own, so stopping it disturbs no other spec.
import { expect, test } from '@playwright/test';
import type { EmbeddedServer } from '../main/start/embedded-server';
import { callHost, startHost, startIsolatedServer, untilSynced, e2ePort, type HostProcess } from './harness';
import { searchQueue } from './queue-search';

const SERVER_PORT = e2ePort(3);
let server: EmbeddedServer;
let host: HostProcess;

test.beforeAll(async () => {
  server = await startIsolatedServer('offline-server', SERVER_PORT);
  host = await startHost({ serverUrl: server.url, token: server.tokenFor('dispatcher'), port: e2ePort(4), name: 'offline-console' });
  await untilSynced(host.url);
});
test.afterAll(async () => {
  await host?.stop();
  await server?.stop();
});

test('an edit made offline is pending, then acknowledged when the server returns', async ({ page }, info) => {
  // Own fleet: an order handed to a carrier or a courier service has no "Assign driver".
  const list = await callHost(host.url, 'listOrders', { status: ['confirmed'], driverId: 'none', carriedBy: 'own', limit: 20 });
  const order = list.rows[list.rows.length - 1];
  if (!order) throw new Error('no confirmed demo order');
  const status = page.getByRole('status', { name: /^Connection status:/ });

  await page.goto(host.url);
  await expect(status).toHaveAccessibleName('Connection status: Online');
  const row = (await searchQueue(page, order.number)).getByRole('option', { name: new RegExp(`^${order.number},`) });
  await row.click();
  const card = page.getByRole('article', { name: `Order card ${order.number}` });
  await expect(card).toBeVisible();

  // The server dies (not a clean close).
  await server.stop({ kill: true });
  await expect(status).toHaveAccessibleName('Connection status: Offline', { timeout: 30_000 });
  await page.screenshot({ path: info.outputPath('offline.png') });

  await card.getByRole('toolbar', { name: 'Order card' }).getByRole('button', { name: 'Assign driver' }).click();
  const choice = page.getByRole('dialog').getByRole('button', { name: /^Assign / }).first();
  const driverName = ((await choice.getAttribute('aria-label')) ?? '').replace(/^Assign /, '');
  await choice.click();
  await expect(row).toContainText(driverName);
  await expect(row.getByLabel('Pending sync')).toBeVisible();
  await expect(page.getByText('1 pending edit', { exact: true })).toBeVisible();
  await page.screenshot({ path: info.outputPath('offline-pending-edit.png') });

  // Back on the same port and database file.
  server = await startIsolatedServer('offline-server', SERVER_PORT, false);
  await expect(status).toHaveAccessibleName('Connection status: Online', { timeout: 60_000 });
  await expect(page.getByText('0 pending edits')).toBeVisible({ timeout: 30_000 });
  await expect(row.getByLabel('Pending sync')).toHaveCount(0);
  await expect(row).toContainText(driverName);
  await page.screenshot({ path: info.outputPath('back-online-acked.png') });

  // The server itself has the assignment (its read-only REST API).
  const local = await callHost(host.url, 'getOrder', { orderId: order.id });
  expect(local?.driver?.name).toBe(driverName);
  const res = await fetch(`${server.url}/api/orders/${encodeURIComponent(order.number)}`, {
    headers: { Authorization: `Bearer ${server.tokenFor('dispatcher')}` },
  });
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain(`"driverId":"${local?.order.driverId}"`);
});
