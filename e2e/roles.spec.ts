// Roles: a warehouse user's console does not offer what the warehouse role may not do
// (assign drivers, confirm, cancel), checked on orders where a dispatcher's console does offer
// each of those buttons, so every check can fail.
import { expect, test, type Page } from '@playwright/test';
import { callHost, PRIMARY, primaryTokens, startHost, tokenFor, untilSynced, e2ePort, type HostProcess } from './harness';

let warehouse: HostProcess;

test.beforeAll(async () => {
  warehouse = await startHost({ serverUrl: PRIMARY.serverUrl, token: tokenFor(primaryTokens(), 'u-warehouse-almaty-1'), port: e2ePort(5), name: 'warehouse' });
  await untilSynced(warehouse.url);
});
test.afterAll(async () => {
  await warehouse?.stop();
});

/** Opens order `number` in the console at `url` and returns its card's action toolbar. */
async function cardActions(page: Page, url: string, number: string) {
  await page.goto(url);
  await page.getByRole('tab', { name: /^Console/ }).click();
  await page.getByRole('textbox', { name: 'Search orders' }).or(page.getByRole('searchbox', { name: 'Search orders' })).fill(number);
  await page.getByRole('listbox', { name: 'Order queue' }).getByRole('option', { name: new RegExp(`^${number},`) }).click();
  const card = page.getByRole('article', { name: `Order card ${number}` });
  await expect(card, `order card ${number} at ${url}`).toBeVisible();
  return card.getByRole('toolbar', { name: 'Order card' });
}

test('each forbidden button is checked on an order where a dispatcher does get it', async ({ page }, info) => {
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') crashes.push(`${page.url()}: console: ${m.text()}`);
  });
  const at = (status: 'new' | 'confirmed') => callHost(PRIMARY.url, 'listOrders', { status: [status], warehouseId: 'wh-almaty-1', limit: 200 });
  const fresh = (await at('new')).rows[0];
  const confirmed = (await at('confirmed')).rows;
  const assigned = confirmed.find((o) => o.driverId !== null);
  const unassigned = confirmed.find((o) => o.driverId === null);
  if (!fresh || !assigned || !unassigned) throw new Error('the demo data needs new, assigned and unassigned confirmed orders at wh-almaty-1');
  // Which buttons each order must show a dispatcher: otherwise "not shown to the warehouse" proves nothing.
  const cases: Array<{ number: string; buttons: string[] }> = [
    { number: fresh.number, buttons: ['Confirm'] },
    { number: assigned.number, buttons: ['Reassign', 'Remove driver', 'Cancel order'] },
    { number: unassigned.number, buttons: ['Assign driver', 'Cancel order'] },
  ];
  for (const c of cases) {
    expect(crashes).toEqual([]);
    const desk = await cardActions(page, '/', c.number);
    for (const b of c.buttons) await expect(desk.getByRole('button', { name: b, exact: true }), `dispatcher, ${c.number}: ${b}`).toBeVisible();
    await cardActions(page, warehouse.url, c.number);
    await expect(page.getByLabel('Role: Warehouse')).toBeVisible();
    // The whole card, not its toolbar: a card with no allowed action has no toolbar at all.
    const card = page.getByRole('article', { name: `Order card ${c.number}` });
    for (const b of c.buttons) await expect(card.getByRole('button', { name: b, exact: true }), `warehouse, ${c.number}: ${b}`).toHaveCount(0);
  }
  // What a storekeeper may do is offered: a problem report on a confirmed order of their warehouse.
  const own = await cardActions(page, warehouse.url, unassigned.number);
  await expect(own.getByRole('button', { name: 'Report problem' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('warehouse-user-card.png') });
});

test('the warehouse console lands on the Warehouse screen and hides assignment in the problem queue', async ({ page }) => {
  await page.goto(warehouse.url);
  await expect(page.getByLabel('Role: Warehouse')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Warehouse' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: /^Console/ }).click();
  const queue = page.getByRole('region', { name: 'Problem queue' });
  await expect(queue).toBeVisible();
  await expect(queue.getByRole('button', { name: /^Assign driver / })).toHaveCount(0);
  // The dispatcher's problem queue does offer it (so the check above can fail).
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Problem queue' }).getByRole('button', { name: /^Assign driver / }).first()).toBeVisible();
});
