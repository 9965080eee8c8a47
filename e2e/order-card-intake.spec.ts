// After intake, in the order card (issue 14), as an admin in the browser host: the admin requires
// checklist items for express orders on the SLA rules screen (a dispatcher's attempt is refused),
// confirming then asks for them (refused while one is missing), a status is corrected by hand with
// a reason (refused without one, and to "closed" before payment), and a payment is recorded
// (a negative amount refused, a second payment refused as already paid). Screenshots EN and RU.
import { expect, test, type Page } from '@playwright/test';
import type { NewOrderRequest } from '../shared/api/order-intake-api';
import { callHost, eventually, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';
import { searchQueue } from './queue-search';

const run = Date.now().toString(36);

// The primary server is shared by the other specs: express needs no checklist again.
const admin = consoleOnPrimary('admin-intake', 12, 'u-admin-1', async (url) => {
  await callHost(url, 'setChecklistPolicy', { serviceType: 'express', required: [] });
});

const expressPolicy = async (host: string) => (await callHost(host, 'checklistPolicies', {})).find((p) => p.serviceType === 'express')?.required;

/** A new express order of this run, made through the admin's console. */
async function newExpressOrder(name: string): Promise<string> {
  const list = await callHost(admin.url, 'listOrders', { limit: 1 });
  const any = list.rows[0];
  if (!any) throw new Error('no demo order');
  const detail = await callHost(admin.url, 'getOrder', { orderId: any.id });
  if (!detail) throw new Error('no demo order detail');
  const o = detail.order;
  const request: NewOrderRequest = {
    customerName: name,
    customerPhone: '+7 701 555 12 34',
    deliveryAddress: o.deliveryAddress,
    deliveryCity: o.deliveryCity,
    deliveryLat: o.deliveryLat,
    deliveryLon: o.deliveryLon,
    pickupAddress: o.pickupAddress,
    pickupLat: o.pickupLat,
    pickupLon: o.pickupLon,
    warehouseId: o.warehouseId,
    serviceType: 'express',
  };
  const r = await callHost(admin.url, 'createOrder', request);
  if (!r.ok) throw new Error(r.message);
  return r.orderId;
}

async function openCard(page: Page, name: string) {
  const queue = await searchQueue(page, name);
  await queue.getByRole('option').filter({ hasText: name }).first().click();
  const card = page.getByRole('article', { name: /^Order card/ });
  await expect(card).toContainText(name);
  return card;
}

test('an admin sets the checklist per service; a dispatcher may not', async ({ page }, info) => {
  // Refused for a dispatcher, by the mutator in main (and again by the server).
  const refused = await callHost(PRIMARY.url, 'setChecklistPolicy', { serviceType: 'express', required: ['address_checked'] });
  expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await expressPolicy(PRIMARY.url)).toEqual([]);

  await page.goto(admin.url);
  await expect(page.getByLabel('Role: Admin')).toBeVisible();
  await page.getByRole('tab', { name: 'SLA rules' }).click();
  const rules = page.getByRole('region', { name: /^Confirmation checklist/ });
  // The box follows the saved rule (the change comes back through the replica): click, then wait.
  await rules.getByRole('checkbox', { name: 'Express: Contacts checked' }).click();
  await expect(rules.getByRole('checkbox', { name: 'Express: Contacts checked' })).toBeChecked();
  await rules.getByRole('checkbox', { name: 'Express: Address checked' }).click();
  await expect(rules.getByRole('checkbox', { name: 'Express: Address checked' })).toBeChecked();
  // The dispatcher's console (another replica) gets the rule from the server.
  await eventually(async () => ((await expressPolicy(PRIMARY.url))?.length === 2 ? true : undefined), 30_000);
  expect(await expressPolicy(PRIMARY.url)).toEqual(['contacts_checked', 'address_checked']);
  await rules.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('checklist-rules-en.png') });
  await page.getByRole('button', { name: 'RU' }).click();
  await expect(page.getByRole('region', { name: /^Чек-лист подтверждения/ }).getByRole('checkbox', { name: 'Экспресс: Адрес проверен' })).toBeChecked();
  await page.screenshot({ path: info.outputPath('checklist-rules-ru.png') });
  await page.getByRole('button', { name: 'EN' }).click();
});

test('the card: checklist on confirm, a status correction, a payment; each refused once', async ({ page }, info) => {
  await callHost(admin.url, 'setChecklistPolicy', { serviceType: 'express', required: ['contacts_checked', 'address_checked'] });
  const name = `Карточка ${run}`;
  const orderId = await newExpressOrder(name);
  await page.goto(admin.url);
  const card = await openCard(page, name);

  // Checklist: confirming needs both required items; the API refuses a confirm without them.
  const withoutChecklist = await callHost(admin.url, 'confirmOrder', { orderId });
  expect(withoutChecklist).toMatchObject({ ok: false });
  await card.getByRole('button', { name: 'Confirm', exact: true }).click();
  const checklist = page.getByRole('dialog', { name: /^Confirm order/ });
  await checklist.getByRole('checkbox', { name: /Contacts checked/ }).check();
  await expect(checklist).toContainText('Still to check: Address checked');
  await expect(checklist.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await page.screenshot({ path: info.outputPath('card-checklist-en.png') });
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  await expect(page.getByRole('dialog', { name: /^Подтвердить заказ/ })).toContainText('Ещё проверить: Адрес проверен');
  await page.screenshot({ path: info.outputPath('card-checklist-ru.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');
  await checklist.getByRole('checkbox', { name: /Address checked/ }).check();
  await checklist.getByRole('button', { name: 'Confirm' }).click();
  await expect(checklist).toHaveCount(0);
  await expect(card).toContainText('Confirmed');
  await expect(card).toContainText('Contacts checked');

  // Correction: not without a reason (the button waits for one), not to "closed" before payment.
  const toClosed = await callHost(admin.url, 'correctStatus', { orderId, to: 'closed', reason: 'e2e' });
  expect(toClosed).toMatchObject({ ok: false });
  await card.getByRole('button', { name: 'Correct status' }).click();
  const correct = page.getByRole('dialog', { name: /^Correct the status of order/ });
  await correct.getByLabel('New status').selectOption('at_warehouse');
  await expect(correct.getByRole('button', { name: 'Correct' })).toBeDisabled();
  await correct.getByLabel(/^Why/).fill('Склад принял груз, сканер не сработал');
  await page.screenshot({ path: info.outputPath('card-correction-en.png') });
  await correct.getByRole('button', { name: 'Correct' }).click();
  await expect(correct).toHaveCount(0);
  await expect(card.getByRole('list', { name: 'Timeline' })).toContainText('Status corrected by hand');
  await expect(card.getByRole('button', { name: 'Undo correction' })).toBeVisible();

  // Payment: a negative amount is refused in the dialog; then 5 000 by card.
  await card.getByRole('button', { name: 'Record payment' }).click();
  const pay = page.getByRole('dialog', { name: /^Payment for order/ });
  await pay.getByLabel('Amount, ₸').fill('-5');
  await expect(pay.getByText('Amount: a positive number, at most 1,000,000,000')).toBeVisible();
  await expect(pay.getByRole('button', { name: 'Record payment' })).toBeDisabled();
  await page.screenshot({ path: info.outputPath('card-payment-refused-en.png') });
  await pay.getByLabel('Amount, ₸').fill('5 000');
  await pay.getByLabel('Paid by').selectOption('card');
  await pay.getByLabel(/^Receipt or transaction number/).fill(`E2E-${run}`);
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay).toHaveCount(0);
  await expect(card.getByRole('list', { name: 'Timeline' })).toContainText('Payment recorded');
  await expect(card.getByRole('button', { name: 'Record payment' })).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('card-after-payment-en.png') });
  const again = await callHost(admin.url, 'recordPayment', { orderId, amount: 100, method: 'cash' });
  expect(again).toMatchObject({ ok: false });
});
