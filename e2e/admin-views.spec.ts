// The Review tab (issue 16), what used to need the server's command line: a courier event for
// an order nobody knows shown with its content and attached to the right order (which then
// carries CDEK's entry), a replay refused; an unknown GPS device bound to a driver; a user
// added with a token shown once that works at once, then revoked. Screenshots in English and
// Russian. Its own demo server, since the GPS port is needed.
import { expect, test } from '@playwright/test';
import { callHost } from './harness';
import { ownServerWithConsoles } from './spec-consoles';

test.describe.configure({ timeout: 240_000 });
const { admin, server } = ownServerWithConsoles('admin-views', 50, ['admin']);

/**
 * A CDEK status webhook as CDEK sends it (its token rides in the URL: all CDEK can be given).
 * Each shop number has its own CDEK shipment number: attaching an event records that number on
 * the order, and a later event with the same number is then matched, not sent to review.
 */
async function cdekWebhook(number: string, code: string): Promise<number> {
  const body = {
    type: 'ORDER_STATUS',
    date_time: new Date().toISOString(),
    uuid: `e2e-${number}-${code}`,
    attributes: { is_return: false, cdek_number: cdekNumberOf(number), number, status_code: '5', status_date_time: new Date().toISOString(), city_name: 'Алматы', code },
  };
  const res = await fetch(`${server().url}/integrations/cdek/webhook?token=demo-webhook-secret`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.status;
}

/** 'SHOP-E2E-1' -> '1106207771'. */
function cdekNumberOf(shopNumber: string): string {
  return `110620777${shopNumber.slice(-1)}`;
}

test('courier events for a person: content shown, attached to the right order once, dismissed', async ({ page }, info) => {
  const orders = await callHost(admin.url, 'listOrders', { limit: 5 });
  const target = orders.rows[0];
  if (!target) throw new Error('the demo has no orders');
  expect(await cdekWebhook('SHOP-E2E-1', 'REMOVED')).toBe(202);
  expect(await cdekWebhook('SHOP-E2E-2', 'INVALID')).toBe(202);
  const open = (await fetch(`${server().url}/api/couriers/review`, { headers: { authorization: `Bearer ${server().tokenFor('admin')}` } }).then((r) => r.json())) as { reviews: Array<{ id: number; orderNumber: string }> };
  const reviewId = open.reviews.find((r) => r.orderNumber === 'SHOP-E2E-1')?.id ?? 0;

  await page.goto(admin.url);
  await page.getByRole('tab', { name: 'Review' }).click();
  const card = page.getByRole('article', { name: 'CDEK SHOP-E2E-1' });
  await expect(card).toContainText('Unknown order');
  await expect(card).toContainText('no order with number SHOP-E2E-1');
  await card.getByText('Content of the event').click();
  await expect(card.locator('pre')).toContainText('"cdek_number": "1106207771"');
  await page.screenshot({ path: info.outputPath('admin-review-en.png'), fullPage: true });

  // An order nobody has: refused in the server's words, the field marked, nothing closed.
  const number = card.getByRole('textbox', { name: /Order number to attach event/ });
  await number.fill('NO-SUCH-ORDER');
  await card.getByRole('button', { name: 'Attach' }).click();
  await expect(card.locator('.admv-msg.err')).toContainText('No order with number NO-SUCH-ORDER');
  await expect(number).toHaveAttribute('aria-invalid', 'true');

  await number.fill(target.number);
  await card.getByRole('button', { name: 'Attach' }).click();
  await expect(page.locator('.admv-msg.ok')).toContainText(`Attached to ${target.number}`);
  await expect(card).toHaveCount(0);
  // The order now carries CDEK's entry on its timeline, as a matched webhook would leave it.
  await expect
    .poll(async () => (await callHost(admin.url, 'getOrder', { orderId: target.id }))?.events.some((e) => e.actorName === 'CDEK'), { timeout: 30_000 })
    .toBe(true);

  // The same event again is refused by the server (409): it changes nothing.
  const replay = await callHost(admin.url, 'attachCourierReview', { reviewId, orderNumber: target.number });
  expect(replay).toMatchObject({ ok: false, message: /already attached/ });

  const second = page.getByRole('article', { name: 'CDEK SHOP-E2E-2' });
  await second.getByRole('textbox', { name: /Why dismiss event/ }).fill('test parcel');
  await second.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('Nothing to review')).toBeVisible();
});

test('an unknown GPS device is bound to a driver from the Review tab', async ({ page }, info) => {
  if (server().gpsPort === null) throw new Error('the server has no GPS port');
  const q = new URLSearchParams({ id: 'e2e-lost-phone', timestamp: String(Math.floor(Date.now() / 1000)), lat: '43.2389', lon: '76.8897', accuracy: '5' });
  expect((await fetch(`http://127.0.0.1:${server().gpsPort}/?${q.toString()}`, { method: 'POST' })).status).toBe(200);
  const drivers = await callHost(admin.url, 'listDrivers', {});
  const driver = drivers[0];
  if (!driver) throw new Error('the demo has no drivers');

  await page.goto(admin.url);
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('tab', { name: 'GPS devices' }).click();
  const unknown = page.getByRole('table', { name: 'Unknown devices' });
  await expect(unknown).toContainText('e2e-lost-phone');
  await page.screenshot({ path: info.outputPath('admin-devices-en.png'), fullPage: true });
  await unknown.getByRole('combobox', { name: 'Driver for device e2e-lost-phone' }).selectOption(driver.id);
  await unknown.getByRole('button', { name: 'Bind' }).click();
  await expect(page.locator('.admv-msg.ok')).toContainText(`Device e2e-lost-phone is bound to ${driver.name}`);
  await expect(page.getByText('No unknown devices.')).toBeVisible();
  const bound = page.getByRole('table', { name: 'Bound devices' });
  await expect(bound.getByRole('row', { name: /e2e-lost-phone/ })).toContainText(driver.name);
  await bound.getByRole('button', { name: 'Unbind device e2e-lost-phone' }).click();
  await expect(page.locator('.admv-msg.ok')).toContainText('Device e2e-lost-phone is unbound');
});

test('users and tokens: a new token is shown once and works at once; revoking ends it', async ({ page, context }, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(admin.url);
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('tab', { name: 'Users and tokens' }).click();
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name').fill('Dana Seitkali');
  await form.getByLabel('Role').selectOption('dispatcher');
  await form.getByRole('button', { name: 'Add' }).click();
  const shown = page.getByRole('region', { name: 'Token for Dana Seitkali' });
  const token = await shown.getByRole('textbox', { name: 'New token' }).inputValue();
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(page.url()).not.toContain(token);
  await shown.getByRole('button', { name: 'Copy' }).click();
  await expect(shown.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(token);
  await page.screenshot({ path: info.outputPath('admin-users-en.png'), fullPage: true });
  // The token works against the server at once.
  expect((await fetch(`${server().url}/api/drivers`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  await shown.getByRole('button', { name: 'Done, hide it' }).click();
  await expect(page.getByRole('textbox', { name: 'New token' })).toHaveCount(0);

  // A refusal names the field: a name with a control character.
  await form.getByLabel('Name').fill('Bad\u0007name');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.locator('.admv-msg.err')).toContainText('name');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Revoke Dana Seitkali' }).click();
  await expect(page.locator('.admv-msg.ok')).toContainText('Dana Seitkali is revoked');
  expect((await fetch(`${server().url}/api/drivers`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

  // In Russian.
  await callHost(admin.url, 'setSettings', { language: 'ru' });
  await page.reload();
  await page.getByRole('tab', { name: 'Разбор' }).click();
  await expect(page.getByRole('heading', { name: 'События курьерских служб на разбор' })).toBeVisible();
  expect(await cdekWebhook('SHOP-E2E-3', 'INVALID')).toBe(202);
  await page.getByRole('button', { name: 'Обновить' }).click();
  await page.getByRole('article', { name: 'CDEK SHOP-E2E-3' }).getByText('Содержимое события').click();
  await page.screenshot({ path: info.outputPath('admin-review-ru.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Пользователи и токены' }).click();
  await expect(page.getByRole('table', { name: 'Пользователи и токены' })).toContainText('отозван');
  await page.screenshot({ path: info.outputPath('admin-users-ru.png'), fullPage: true });
  await page.getByRole('tab', { name: 'GPS-устройства' }).click();
  await expect(page.getByRole('heading', { name: 'GPS-устройства' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('admin-devices-ru.png'), fullPage: true });
  await callHost(admin.url, 'setSettings', { language: 'en' });
});
