// The warehouse view against a real server: a storekeeper's console scans labels (keys typed
// into the focused view, ending in Enter, as a USB scanner does), gets a clear answer for good,
// unknown and repeated scans, reports damage and prints a label. Then the alerts panel of the
// dispatcher's console: the server's SLA alerts, acknowledged from the list.
import { expect, test, type Page } from '@playwright/test';
import { callHost, eventually, PRIMARY, primaryTokens, tokenFor } from './harness';
import { consoleOnPrimary } from './spec-consoles';

const WAREHOUSE_USER = 'u-warehouse-astana-1';

const warehouse = consoleOnPrimary('warehouse-scanner', 7, WAREHOUSE_USER);

/** What a USB scanner does: the label's characters in quick succession, then Enter. */
async function scanLabel(page: Page, number: string): Promise<void> {
  await page.keyboard.type(number, { delay: 1 });
  await page.keyboard.press('Enter');
}

test('scanner: a good scan marks picked, unknown and repeated scans change nothing', async ({ page }, info) => {
  // The system print dialog can't be driven headless: count the calls instead.
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __printed: number; print: () => void };
    w.__printed = 0;
    w.print = () => {
      w.__printed += 1;
    };
  });
  await page.goto(warehouse.url);
  await expect(page.getByLabel('Role: Warehouse')).toBeVisible();
  // A storekeeper lands on the Warehouse screen without looking for it.
  await expect(page.getByRole('tab', { name: 'Warehouse' })).toHaveAttribute('aria-selected', 'true');
  const list = page.getByRole('table', { name: 'Pick list' });
  await expect(list.getByRole('rowheader').first()).toBeVisible();
  const rowNumbers = async (): Promise<string[]> => (await list.getByRole('rowheader').allInnerTexts()).map((t) => t.trim().split(/\s/)[0] ?? '');
  const [first, second] = await rowNumbers();
  if (!first || !second) throw new Error('the pick list needs two orders');
  const status = page.getByRole('status').filter({ hasText: /scan|Picked|nothing changed|Problem/ });

  // The scan box has focus when the view opens: the scanner's keys land there.
  await expect(page.getByRole('textbox', { name: 'Scan or type an order number' })).toBeFocused();
  await scanLabel(page, first);
  await expect(status).toHaveText(`Picked: ${first}`);
  await expect(list.getByRole('rowheader', { name: new RegExp(`^${first}`) })).toHaveCount(0);
  // The mark reached the server and came back to the dispatcher's console, recorded as a scan.
  const picked = await eventually(async () => {
    const found = await callHost(PRIMARY.url, 'listOrders', { search: first, limit: 1 });
    const row = found.rows[0];
    return row && row.status === 'at_warehouse' ? row : undefined;
  });
  const detail = await callHost(PRIMARY.url, 'getOrder', { orderId: picked.id });
  expect(detail?.events.at(-1)).toMatchObject({ toStatus: 'at_warehouse', source: 'scan' });

  await scanLabel(page, 'MR-999999');
  await expect(status).toHaveText('Unknown number MR-999999: nothing changed');

  await scanLabel(page, first);
  await expect(status).toHaveText(`Order ${first} is already picked: nothing changed`);

  // Another warehouse's label: refused with its own answer, and the order is untouched on the server.
  const foreign = (await callHost(PRIMARY.url, 'listOrders', { status: ['confirmed'], warehouseId: 'wh-almaty-1', limit: 1 })).rows[0];
  if (!foreign) throw new Error('no confirmed order at wh-almaty-1');
  await scanLabel(page, foreign.number);
  await expect(status).toHaveText(`Order ${foreign.number} belongs to another warehouse: nothing changed`);
  const still = await callHost(PRIMARY.url, 'getOrder', { orderId: foreign.id });
  expect(still?.order).toMatchObject({ status: 'confirmed', version: foreign.version });
  expect(await rowNumbers()).not.toContain(first);
  await page.screenshot({ path: info.outputPath('warehouse-view.png') });

  // Clicking works too: a shortage or damage report, with the reason.
  await page.getByRole('button', { name: `Report a problem with order ${second}` }).click();
  const dialog = page.getByRole('dialog', { name: `Problem with order ${second}` });
  await dialog.getByRole('radio', { name: 'Goods damaged' }).check();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('box crushed');
  await dialog.getByRole('button', { name: 'Report', exact: true }).click();
  await expect(status).toHaveText(`Problem reported: ${second}`);

  // A label: the number as a Code 128 barcode, then the system print dialog.
  const [third] = await rowNumbers();
  if (!third) throw new Error('the pick list needs a third order');
  await page.getByRole('button', { name: `Print the label of order ${third}` }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
  // On screen the print area is hidden and the app shows.
  const display = (selector: string) => page.locator(selector).first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string; fontWeight: string; display: string } }).getComputedStyle(el).display);
  expect(await display('[data-testid="print-area"]')).toBe('none');
  expect(await display('#root')).not.toBe('none');
  await page.emulateMedia({ media: 'print' }); // what the paper gets: the label only
  await expect(page.getByTestId('print-area').getByRole('img', { name: third })).toBeVisible();
  expect(await display('[data-testid="print-area"]')).toBe('block');
  expect(await display('#root')).toBe('none');
  // The label is 100 mm wide (a label printer's roll), with its barcode inside it.
  const label = page.getByTestId('print-area').locator('.print-label').first();
  const box = await label.boundingBox();
  expect(box?.width).toBeCloseTo((100 / 25.4) * 96, 0);
  const barcode = await page.getByTestId('print-area').getByRole('img', { name: third }).boundingBox();
  expect(barcode?.width).toBeGreaterThan(0);
  expect((barcode?.width ?? Infinity) <= (box?.width ?? 0)).toBe(true);
  await page.screenshot({ path: info.outputPath('warehouse-label-print.png') });
  await page.emulateMedia({ media: 'screen' });
});

test('the warehouse console refuses confirm, assign and acknowledge (the rules the server runs)', async () => {
  // The console may still be catching up with the server: wait for its first pickable order.
  const order = await eventually(async () => (await callHost(warehouse.url, 'pickList', {}))[0]);
  const confirm = await callHost(warehouse.url, 'confirmOrder', { orderId: order.id });
  expect(confirm).toMatchObject({ ok: false, code: 'forbidden' });
  const assign = await callHost(warehouse.url, 'assignDriver', { orderId: order.id, driverId: 'any', seenVersion: order.version });
  expect(assign).toMatchObject({ ok: false, code: 'forbidden' });
  const ack = await callHost(warehouse.url, 'acknowledgeAlert', { alertId: 'any' });
  expect(ack).toMatchObject({ ok: false, code: 'forbidden' });
});

test('alerts panel: the server records SLA alerts; a dispatcher acknowledges one', async ({ page }, info) => {
  await page.goto('/');
  const tab = page.getByRole('tab', { name: /^Alerts/ });
  await expect(tab.getByLabel(/^Open alerts: \d+/)).toBeVisible();
  await tab.click();
  const alerts = page.getByRole('list', { name: 'SLA alerts' });
  await expect(alerts.getByRole('listitem').first()).toBeVisible();
  const ack = alerts.getByRole('button', { name: /^Acknowledge the alert about order / }).first();
  const label = (await ack.getAttribute('aria-label')) ?? '';
  await ack.click();
  await expect(page.getByRole('button', { name: label })).toHaveCount(0);
  await page.getByRole('button', { name: /^Show tasks/ }).first().click();
  await page.screenshot({ path: info.outputPath('alerts-panel.png') });
  // The same rows are on the server for integrations.
  const open = await fetch(`${PRIMARY.serverUrl}/api/alerts?state=open&limit=5`, { headers: { authorization: `Bearer ${tokenFor(primaryTokens(), 'dispatcher')}` } });
  expect(open.status).toBe(200);
  expect(((await open.json()) as { alerts: unknown[] }).alerts.length).toBeGreaterThan(0);
});
