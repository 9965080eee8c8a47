// Two consoles on one central server, each with its own replica: an assignment made in one
// shows up in the other, and a problem reported through the server (by another user's
// console) appears in the first console's problem queue.
import { expect, test, type Page } from '@playwright/test';
import type { OrderListRow } from '../shared/api/orders-api';
import { callHost, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';
import { searchQueue } from './queue-search';

const second = consoleOnPrimary('second', 2, 'u-dispatcher-2');

async function someOrder(filters: object): Promise<OrderListRow> {
  const page = await callHost(PRIMARY.url, 'listOrders', { ...filters, limit: 50 });
  const row = page.rows[page.rows.length - 1];
  if (!row) throw new Error(`no demo order matching ${JSON.stringify(filters)}`);
  return row;
}

async function findInQueue(page: Page, number: string) {
  const row = (await searchQueue(page, number)).getByRole('option', { name: new RegExp(`^${number},`) });
  await expect(row).toBeVisible();
  return row;
}

test('assigning a driver in one console shows in a second console', async ({ page, browser }, info) => {
  // Own fleet only: the demo hands some orders to a courier service, and those offer Take back, not Assign.
  const order = await someOrder({ status: ['confirmed'], driverId: 'none', carriedBy: 'own' });
  await page.goto('/');
  const rowA = await findInQueue(page, order.number);
  await rowA.click();
  const card = page.getByRole('article', { name: `Order card ${order.number}` });
  await expect(card).toBeVisible();
  await card.getByRole('toolbar', { name: 'Order card' }).getByRole('button', { name: 'Assign driver' }).click();
  const dialog = page.getByRole('dialog', { name: `Assign a driver to ${order.number}` });
  const choice = dialog.getByRole('list', { name: 'Suggested drivers' }).getByRole('button', { name: /^Assign / }).first();
  await expect(choice).toBeEnabled();
  const driverName = ((await choice.getAttribute('aria-label')) ?? '').replace(/^Assign /, '');
  expect(driverName).not.toBe('');
  await choice.click();
  await expect(rowA).toContainText(driverName);
  // The driver and the order are fitted in view: the route's ETA label lies wholly on the map (issue 13).
  const map = page.getByRole('region', { name: 'Map' });
  const eta = page.locator('.map-eta-tooltip');
  await expect(eta).toBeVisible();
  await expect
    .poll(async () => {
      const [m, e] = [await map.boundingBox(), await eta.boundingBox()];
      if (!m || !e) return false;
      return e.x >= m.x && e.y >= m.y && e.x + e.width <= m.x + m.width && e.y + e.height <= m.y + m.height;
    }, { timeout: 10_000 })
    .toBe(true);
  await page.screenshot({ path: info.outputPath('console-a-after-assign.png') });

  const other = await browser.newPage();
  await other.goto(second.url);
  const rowB = await findInQueue(other, order.number);
  await expect(rowB).toContainText(driverName, { timeout: 30_000 });
  await other.screenshot({ path: info.outputPath('console-b-sees-assignment.png') });
  await other.close();
});

test('a problem reported through the server appears in the problem queue', async ({ page }, info) => {
  const order = await someOrder({ status: ['at_warehouse'] });
  await page.goto('/');
  const queue = page.getByRole('region', { name: 'Problem queue' });
  await expect(queue.getByRole('listitem').first()).toBeVisible();
  // Another dispatcher's console reports it; it travels through the central server.
  const result = await callHost(second.url, 'reportProblem', { orderId: order.id, reason: 'damaged', comment: 'Box crushed (e2e)' });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });

  // The dispatcher hears of it in the window too: a toast that opens the order (issue 13).
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: `Open order ${order.number}` });
  await expect(toast).toContainText(`New problem: ${order.number}`, { timeout: 30_000 });
  await page.screenshot({ path: info.outputPath('toast-new-problem.png') });
  await toast.click();
  await expect(page.getByRole('article', { name: `Order card ${order.number}` })).toBeVisible();

  const item = queue.getByRole('button', { name: `Open ${order.number}: Problem` });
  const list = queue.getByRole('list', { name: 'Problem queue' });
  // The queue is virtualised and most urgent first: scroll until the new problem is rendered.
  await expect
    .poll(
      async () => {
        if (await item.isVisible()) return true;
        await list.evaluate((el) => {
          el.scrollTop = el.scrollTop + el.clientHeight >= el.scrollHeight ? 0 : el.scrollTop + el.clientHeight;
        });
        return false;
      },
      { timeout: 30_000, intervals: [300] },
    )
    .toBe(true);
  await item.click();
  const card = page.getByRole('article', { name: `Order card ${order.number}` });
  await expect(card).toContainText('Box crushed (e2e)');
  await page.screenshot({ path: info.outputPath('problem-from-server.png') });
});
