// Roles: a warehouse user's console does not offer what the warehouse role may not do
// (assign drivers, confirm, cancel), while a dispatcher's does.
import { expect, test } from '@playwright/test';
import { callHost, PRIMARY, primaryTokens, startHost, tokenFor, untilSynced, e2ePort, type HostProcess } from './harness';

let warehouse: HostProcess;

test.beforeAll(async () => {
  warehouse = await startHost({ serverUrl: PRIMARY.serverUrl, token: tokenFor(primaryTokens(), 'u-warehouse-almaty-1'), port: e2ePort(5), name: 'warehouse' });
  await untilSynced(warehouse.url);
});
test.afterAll(async () => {
  await warehouse?.stop();
});

test('a forbidden action is not offered to a warehouse user', async ({ page }, info) => {
  const list = await callHost(PRIMARY.url, 'listOrders', { status: ['confirmed'], warehouseId: 'wh-almaty-1', driverId: 'none', limit: 5 });
  const order = list.rows[0];
  if (!order) throw new Error('no confirmed order at wh-almaty-1');

  await page.goto(warehouse.url);
  await expect(page.getByLabel('Role: Warehouse')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Warehouse' })).toHaveAttribute('aria-selected', 'true'); // where a storekeeper lands
  await page.getByRole('tab', { name: /^Console/ }).click();
  await page.getByRole('textbox', { name: 'Search orders' }).or(page.getByRole('searchbox', { name: 'Search orders' })).fill(order.number);
  await page.getByRole('listbox', { name: 'Order queue' }).getByRole('option', { name: new RegExp(`^${order.number},`) }).click();
  const actions = page.getByRole('article', { name: `Order card ${order.number}` }).getByRole('toolbar', { name: 'Order card' });
  await expect(actions).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Report problem' })).toBeVisible();
  for (const forbidden of ['Assign driver', 'Confirm', 'Cancel order', 'Remove driver', 'Reassign']) {
    await expect(actions.getByRole('button', { name: forbidden })).toHaveCount(0);
  }
  // Nor from the problem queue.
  await expect(page.getByRole('region', { name: 'Problem queue' }).getByRole('button', { name: /^Assign driver / })).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('warehouse-user-card.png') });

  // The same order in a dispatcher's console offers assignment.
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Search orders' }).or(page.getByRole('searchbox', { name: 'Search orders' })).fill(order.number);
  await page.getByRole('listbox', { name: 'Order queue' }).getByRole('option', { name: new RegExp(`^${order.number},`) }).click();
  await expect(page.getByRole('toolbar', { name: 'Order card' }).getByRole('button', { name: 'Assign driver' })).toBeVisible();
});
