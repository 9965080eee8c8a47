// Following a carrier (issue 16, seed 004) in the console: an admin sets how often a carrier in
// transit is called, per service, in the SLA rules table (0 is refused beside the field); a
// dispatcher hands an order to a carrier loading within 2 hours, and the server's scheduler puts
// "call the carrier" in the Alerts tab at once, in English and Russian, with the carrier's phone
// as the task; the card offers no Assign while the carrier has the order.
// Its own server: the test changes an SLA policy.
import { expect, test } from '@playwright/test';
import { callHost, eventually } from './harness';
import { ownServerWithConsoles } from './spec-consoles';

const { admin, dispatcher } = ownServerWithConsoles('carrier-follow-up', 50, ['admin', 'dispatcher']);

test('an admin sets the carrier-call interval; a dispatcher is told to call a carrier before loading', async ({ page }, info) => {
  // The SLA rules table: the interval per service, refused beside the field when 0.
  await page.goto(admin.url);
  await expect(page.getByLabel('Role: Admin')).toBeVisible();
  await page.getByRole('tab', { name: 'SLA rules' }).click();
  const table = page.getByRole('table', { name: 'Policies' });
  const intercity = table.getByRole('textbox', { name: 'Intercity: Call the carrier every, min' });
  await expect(intercity).toHaveValue('240');
  await intercity.fill('0');
  await expect(intercity).toHaveAttribute('aria-invalid', 'true');
  await expect(table).toContainText('At least 15 min');
  await page.screenshot({ path: info.outputPath('carrier-call-setting-invalid-en.png') });
  await intercity.fill('180');
  await expect(intercity).not.toHaveAttribute('aria-invalid', 'true');
  await table.getByRole('button', { name: 'Save the Intercity policy' }).click();
  await eventually(async () => (await callHost(dispatcher.url, 'slaSettings', {})).policies.find((p) => p.key === 'intercity')?.carrierCallMinutes === 180);
  await page.screenshot({ path: info.outputPath('carrier-call-setting-en.png') });
  // The server refuses a negative interval from the API too, naming the field.
  const policies = (await callHost(admin.url, 'slaSettings', {})).policies;
  const stored = policies.find((p) => p.key === 'intercity');
  await expect(callHost(admin.url, 'updateSlaPolicy', { policy: { ...stored, carrierCallMinutes: -5 } })).rejects.toThrow(/invalid_request.*carrierCallMinutes/);

  await callHost(admin.url, 'setSettings', { language: 'ru' });
  try {
    await page.reload();
    await page.getByRole('tab', { name: 'Правила SLA' }).click();
    await expect(page.getByRole('textbox', { name: 'Межгород: Звонок перевозчику, каждые N мин' })).toHaveValue('180');
    await page.screenshot({ path: info.outputPath('carrier-call-setting-ru.png') });
  } finally {
    await callHost(admin.url, 'setSettings', { language: 'en' });
  }

  // A carrier that passed the security check, and a confirmed order of the own fleet.
  const carrier = (await callHost(dispatcher.url, 'searchCarriers', { securityPassed: true, limit: 20 })).results.find((c) => !c.blacklisted);
  if (!carrier) throw new Error('the demo has no checked carrier');
  const order = (await callHost(dispatcher.url, 'listOrders', { status: ['confirmed'], driverId: 'none', carriedBy: 'own', limit: 5 })).rows[0];
  if (!order) throw new Error('the demo has no confirmed order without a driver');
  const loadingAt = Math.ceil((Date.now() + 90 * 60_000) / 60_000) * 60_000;
  await callHost(dispatcher.url, 'handToCarrier', { orderId: order.id, carrierId: carrier.id, vehicleId: null, rate: 180_000, loadingAt, contact: 'Серик +7 701 555 44 33' });
  const reminder = await eventually(async () => {
    const list = await callHost(dispatcher.url, 'listAlerts', { state: 'active', limit: 300 });
    return list.items.find((a) => a.kind === 'carrier_loading' && a.orderId === order.id);
  }, 60_000);
  expect(reminder.tasks).toEqual([expect.objectContaining({ action: 'call_carrier', channel: 'phone' })]);

  await page.goto(dispatcher.url);
  await expect(page.getByLabel('Role: Dispatcher')).toBeVisible();
  await page.getByRole('tab', { name: /^Alerts/ }).click();
  const item = page.getByRole('list', { name: 'SLA alerts' }).getByRole('listitem', { name: `Carrier loading ${order.number}` });
  await expect(item).toContainText(`carrier ${carrier.name} loads at`);
  await expect(item).toContainText('Call the carrier and check the loading.');
  await item.getByRole('button', { name: 'Show tasks (1)' }).click();
  await expect(item).toContainText('Call the carrier');
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('carrier-loading-alert-en.png') });

  await callHost(dispatcher.url, 'setSettings', { language: 'ru' });
  try {
    await page.reload();
    await page.getByRole('tab', { name: /^Оповещения/ }).click();
    const ru = page.getByRole('listitem', { name: `Погрузка у перевозчика ${order.number}` });
    await expect(ru).toContainText(`погрузка у перевозчика ${carrier.name}`);
    await ru.getByRole('button', { name: 'Задачи (1)' }).click();
    await expect(ru).toContainText('Позвонить перевозчику');
    await ru.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath('carrier-loading-alert-ru.png') });
  } finally {
    await callHost(dispatcher.url, 'setSettings', { language: 'en' });
  }

  // The card offers no Assign while the carrier has the order.
  const detail = await callHost(dispatcher.url, 'getOrder', { orderId: order.id });
  expect(detail?.actions).not.toContain('assign');
  expect(detail?.actions).toContain('take_back');
});
