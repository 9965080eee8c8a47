// Roles: a warehouse user's console does not offer what the warehouse role may not do
// (assign drivers, confirm, cancel), checked on orders where a dispatcher's console does offer
// each of those buttons, so every check can fail.
import { expect, test, type Page } from '@playwright/test';
import { callHost, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';
import { searchQueue } from './queue-search';

const warehouse = consoleOnPrimary('warehouse', 5, 'u-warehouse-almaty-1');

/** Errors the page threw (a blank page is a crashed renderer): named in a failing check. */
const crashes: string[] = [];

/** Opens order `number` in the console at `url` and returns its card's action toolbar. */
async function cardActions(page: Page, url: string, number: string) {
  await page.goto(url);
  await page.getByRole('tab', { name: /^Console/ }).click();
  const queue = await searchQueue(page, number);
  await queue.getByRole('option', { name: new RegExp(`^${number},`) }).click();
  const card = page.getByRole('article', { name: `Order card ${number}` });
  await expect(card, `order card ${number} at ${url}; page errors: ${crashes.join(' | ') || 'none'}`).toBeVisible();
  return card.getByRole('toolbar', { name: 'Order card' });
}

test('each forbidden button is checked on an order where a dispatcher does get it', async ({ page }, info) => {
  crashes.length = 0;
  page.on('pageerror', (e) => crashes.push(`${page.url()}: ${e.message}`));
  // Own fleet: an order handed to a carrier or a courier service offers Take back, not Assign.
  const at = (status: 'new' | 'confirmed') => callHost(PRIMARY.url, 'listOrders', { status: [status], warehouseId: 'wh-almaty-1', carriedBy: 'own', limit: 200 });
  const fresh = (await at('new')).rows[0];
  const confirmed = (await at('confirmed')).rows;
  const assigned = confirmed.find((o) => o.driverId !== null);
  const unassigned = confirmed.find((o) => o.driverId === null);
  if (!fresh || !assigned || !unassigned) throw new Error('the demo data needs new, assigned and unassigned confirmed orders at wh-almaty-1');
  // Which buttons each order must show a dispatcher: otherwise "not shown to the warehouse" proves nothing.
  // Each button is checked where a dispatcher's card shows it, and the warehouse console's API
  // (what its card renders buttons from) must not offer the same action for the same order.
  const ACTION: Record<string, string> = { Confirm: 'confirm', Reassign: 'assign', 'Assign driver': 'assign', 'Remove driver': 'unassign', 'Cancel order': 'cancel' };
  const cases: Array<{ order: { id: string; number: string }; buttons: string[] }> = [
    { order: fresh, buttons: ['Confirm'] },
    { order: assigned, buttons: ['Reassign', 'Remove driver', 'Cancel order'] },
    { order: unassigned, buttons: ['Assign driver', 'Cancel order'] },
  ];
  for (const c of cases) {
    const deskCard = await cardActions(page, '/', c.order.number);
    for (const b of c.buttons) await expect(deskCard.getByRole('button', { name: b, exact: true }), `dispatcher, ${c.order.number}: ${b}`).toBeVisible();
    const whActions = (await callHost(warehouse.url, 'getOrder', { orderId: c.order.id }))?.actions ?? [];
    for (const b of c.buttons) expect(whActions, `warehouse, ${c.order.number}: ${b}`).not.toContain(ACTION[b]);
  }
  expect(crashes).toEqual([]);
  // And in the warehouse console itself, on a card it opens: none of the five buttons.
  await cardActions(page, warehouse.url, unassigned.number);
  await expect(page.getByLabel('Role: Warehouse')).toBeVisible();
  const card = page.getByRole('article', { name: `Order card ${unassigned.number}` });
  for (const b of Object.keys(ACTION)) await expect(card.getByRole('button', { name: b, exact: true }), `warehouse card: ${b}`).toHaveCount(0);
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
