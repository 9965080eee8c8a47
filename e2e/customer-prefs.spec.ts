// The order card's "Customer messages" (issue 15) as the primary console's dispatcher against the
// demo server: a VIP customer's message language, opt-out and an extra recipient edited in the
// card; a phone no SMS can go to refused in the console's language with the field marked and
// nothing saved; the saved choices reaching the server; a customer without a VIP contract has
// no recipients to add. Screenshots EN and RU. The customer's choices are put back afterwards.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { CustomerMessagePrefsView } from '../shared/api/messages-api';
import { callHost, eventually, PRIMARY } from './harness';
import { searchQueue } from './queue-search';

let restore: { customerId: string; before: CustomerMessagePrefsView } | null = null;

test.afterAll(async () => {
  await callHost(PRIMARY.url, 'setSettings', { language: 'en' }).catch(() => undefined);
  if (restore !== null) {
    const { customerId, before } = restore;
    await callHost(PRIMARY.url, 'setCustomerMessagePrefs', { customerId, language: before.language, optOut: before.optOut, alsoNotify: before.alsoNotify });
  }
});

/** An open order of a customer with (or without) a VIP contract, from the console's replica. */
async function orderOfCustomer(vip: boolean): Promise<{ number: string; customerId: string }> {
  const list = await callHost(PRIMARY.url, 'listOrders', { limit: 1000 });
  for (const row of list.rows) {
    if (row.vip !== vip || !['new', 'confirmed', 'at_warehouse', 'in_transit'].includes(row.status)) continue;
    const detail = await callHost(PRIMARY.url, 'getOrder', { orderId: row.id });
    const customer = detail?.customer;
    if (customer && (customer.vipNormMinutes !== null) === vip) return { number: row.number, customerId: customer.id };
  }
  throw new Error(`the demo data has no open order of a ${vip ? 'VIP' : 'regular'} customer`);
}

/** A recipient's inputs in the narrow card panel: each shows its whole value (an input narrower
 *  than its text scrolls it, which cut the phone to '+7 702 000'), and none lies over another. */
async function recipientReadable(group: Locator) {
  const boxes: { x: number; y: number; width: number; height: number }[] = [];
  for (const el of await group.locator('input, button').all()) {
    const whole = await el.evaluate((e) => e.scrollWidth <= e.clientWidth);
    expect(whole, `${await el.getAttribute('aria-label')} shows its whole value`).toBe(true);
    const box = await el.boundingBox();
    if (box === null) throw new Error('a recipient input is not shown');
    boxes.push(box);
  }
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, 'recipient inputs do not overlap').toBe(true);
    }
}

async function openCard(page: Page, number: string) {
  const queue = await searchQueue(page, number);
  await queue.getByRole('option').filter({ hasText: number }).first().click();
  const card = page.getByRole('article', { name: `Order card ${number}` });
  await expect(card).toBeVisible();
  return card;
}

test("a dispatcher sets a VIP customer's message language, opt-out and another recipient in the card; a bad phone is refused", async ({ page }, info) => {
  const { number, customerId } = await orderOfCustomer(true);
  const before = await callHost(PRIMARY.url, 'customerMessagePrefs', { customerId });
  if (before === null) throw new Error('no prefs view');
  restore = { customerId, before };
  await page.goto('/');
  const card = await openCard(page, number);
  const section = card.getByRole('region', { name: 'Customer messages' });
  await section.scrollIntoViewIfNeeded();
  await section.getByLabel('Language of messages').selectOption('kk');
  await section.getByRole('checkbox', { name: 'Send this customer no messages' }).check();
  await section.getByRole('button', { name: 'Add a recipient' }).click();
  const first = section.getByRole('group', { name: 'Recipient 1' });
  await first.getByLabel('Recipient 1: Name').fill('Shop manager');
  await first.getByLabel('Recipient 1: Phone').fill('call me');

  // Refused by the same rule main and the server run: words, the field marked, nothing saved.
  await section.getByRole('button', { name: 'Save message settings' }).click();
  await expect(section.getByRole('alert')).toHaveText('Recipient 1: the phone is not a number an SMS can go to, like +7 701 123 45 67.');
  await expect(first.getByLabel('Recipient 1: Phone')).toHaveAttribute('aria-invalid', 'true');
  expect(await callHost(PRIMARY.url, 'customerMessagePrefs', { customerId })).toEqual(before);
  await page.screenshot({ path: info.outputPath('card-customer-messages-refused-en.png') });
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  // The card's own name is Russian now too: the section is found on the page.
  const ru = page.getByRole('region', { name: 'Сообщения клиенту' });
  await expect(ru.getByRole('alert')).toHaveText('Получатель 1: на этот телефон нельзя отправить SMS; пример: +7 701 123 45 67.');
  await ru.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('card-customer-messages-refused-ru.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');

  // Fixed and saved: the console's replica has it at once, the server acknowledges it.
  await first.getByLabel('Recipient 1: Phone').fill('+7 702 000 11 22');
  await first.getByLabel('Recipient 1: E-mail').fill('manager@shop.kz');
  await recipientReadable(first);
  await section.getByRole('button', { name: 'Save message settings' }).click();
  await expect(section.getByRole('status')).toContainText('Saved');
  await expect(section.getByRole('note')).toContainText('Opted out');
  const want = { language: 'kk', optOut: true, alsoNotify: [{ name: 'Shop manager', phone: '+7 702 000 11 22', email: 'manager@shop.kz' }], saved: true };
  expect(await callHost(PRIMARY.url, 'customerMessagePrefs', { customerId })).toMatchObject(want);
  await eventually(async () => {
    const c = await callHost(PRIMARY.url, 'connectionState', {});
    return c.status === 'online' && c.pending === 0;
  }, 30_000);
  expect(await callHost(PRIMARY.url, 'listConflicts', {})).toEqual([]);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('card-customer-messages-en.png') });
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  await expect(page.getByRole('region', { name: 'Сообщения клиенту' }).getByLabel('Язык сообщений')).toHaveValue('kk');
  await page.getByRole('region', { name: 'Сообщения клиенту' }).scrollIntoViewIfNeeded();
  await recipientReadable(page.getByRole('group', { name: 'Получатель 1' }));
  await page.screenshot({ path: info.outputPath('card-customer-messages-ru.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');
});

test('a customer without a VIP contract has a language and an opt-out, no others to tell', async ({ page }) => {
  const { number } = await orderOfCustomer(false);
  await page.goto('/');
  const card = await openCard(page, number);
  const section = card.getByRole('region', { name: 'Customer messages' });
  await expect(section.getByLabel('Language of messages')).toBeVisible();
  await expect(section.getByRole('checkbox', { name: 'Send this customer no messages' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Add a recipient' })).toHaveCount(0);
});
