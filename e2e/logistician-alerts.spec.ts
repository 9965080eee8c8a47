// A logistician follows the carriers they handed orders to (issue 16's gap): they hand an order
// to a carrier loading within 2 hours, and the server's scheduler puts the loading reminder in
// THEIR Alerts tab ("My carriers"), not in the dispatcher's "Mine"; they acknowledge it there,
// in English and Russian. The desk still sees it, addressed to the logistician. A dispatcher's
// own alert cannot be acknowledged from the logistician's console: refused naming alertId.
// Its own server: the test hands a demo order over.
import { expect, test } from '@playwright/test';
import { callHost, eventually } from './harness';
import { ownServerWithConsoles } from './spec-consoles';

const { logistician, dispatcher } = ownServerWithConsoles('logistician-alerts', 70, ['logistician', 'dispatcher']);

test('a logistician gets and acknowledges the loading reminder of the order they handed to a carrier', async ({ page }, info) => {
  const me = (await callHost(logistician.url, 'session', {})).user;
  if (me === null) throw new Error('the logistician is not signed in');
  expect(me.role).toBe('logistician');

  const carrier = (await callHost(logistician.url, 'searchCarriers', { securityPassed: true, limit: 20 })).results.find((c) => !c.blacklisted);
  if (!carrier) throw new Error('the demo has no checked carrier');
  const order = (await callHost(logistician.url, 'listOrders', { status: ['confirmed'], driverId: 'none', carriedBy: 'own', limit: 5 })).rows[0];
  if (!order) throw new Error('the demo has no confirmed order without a driver');
  const loadingAt = Math.ceil((Date.now() + 90 * 60_000) / 60_000) * 60_000;
  await callHost(logistician.url, 'handToCarrier', { orderId: order.id, carrierId: carrier.id, vehicleId: null, rate: 180_000, loadingAt, contact: 'Серик +7 701 555 44 33' });

  // Theirs: in their list, addressed to them; their list holds nothing that is not theirs.
  const reminder = await eventually(async () => {
    const list = await callHost(logistician.url, 'listAlerts', { state: 'active', limit: 300 });
    return list.items.find((a) => a.kind === 'carrier_loading' && a.orderId === order.id);
  }, 60_000);
  expect(reminder).toMatchObject({ assigneeId: me.id, mine: true });
  const theirs = await callHost(logistician.url, 'listAlerts', { state: 'all', limit: 2000 });
  expect(theirs.items.every((a) => a.assigneeId === me.id && (a.kind === 'carrier_loading' || a.kind === 'carrier_call'))).toBe(true);

  // The desk sees it, addressed to the logistician: not in the dispatcher's "Mine".
  const desk = await eventually(async () => (await callHost(dispatcher.url, 'listAlerts', { state: 'active', limit: 2000 })).items.find((a) => a.id === reminder.id), 30_000);
  expect(desk).toMatchObject({ assigneeId: me.id, mine: false });
  expect((await callHost(dispatcher.url, 'listAlerts', { state: 'active', mine: true, limit: 2000 })).items.map((a) => a.id)).not.toContain(reminder.id);

  // Someone else's alert from the logistician's console: refused naming the field, nothing queued.
  const others = (await callHost(dispatcher.url, 'listAlerts', { state: 'active', limit: 2000 })).items.find((a) => a.state === 'open' && a.assigneeId !== me.id);
  if (others) {
    expect(await callHost(logistician.url, 'acknowledgeAlert', { alertId: others.id })).toMatchObject({ ok: false, code: 'forbidden', details: { field: 'alertId' } });
  }
  expect(await callHost(logistician.url, 'acknowledgeAlert', { alertId: 'al:not-there' })).toMatchObject({ ok: false, code: 'not_found', details: { field: 'alertId' } });

  // The tab, in English: their carriers only, and Acknowledge.
  await page.goto(logistician.url);
  await expect(page.getByLabel('Role: Logistician')).toBeVisible();
  await page.getByRole('tab', { name: /^Alerts/ }).click();
  await expect(page.getByRole('heading', { name: 'My carriers' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Which alerts' }).getByRole('button')).toHaveText([/^Active/, 'Resolved']);
  const item = page.getByRole('listitem', { name: `Carrier loading ${order.number}` });
  await expect(item).toContainText(`carrier ${carrier.name} loads at`);
  await expect(item).toContainText(`To: ${me.name}`);
  await item.getByRole('button', { name: 'Show tasks (1)' }).click();
  await expect(item).toContainText('Call the carrier');
  await page.screenshot({ path: info.outputPath('logistician-alerts-en.png') });

  // In Russian, and acknowledged there.
  await callHost(logistician.url, 'setSettings', { language: 'ru' });
  try {
    await page.reload();
    await page.getByRole('tab', { name: /^Оповещения/ }).click();
    await expect(page.getByRole('heading', { name: 'Мои перевозчики' })).toBeVisible();
    const ru = page.getByRole('listitem', { name: `Погрузка у перевозчика ${order.number}` });
    await expect(ru).toContainText(`погрузка у перевозчика ${carrier.name}`);
    await ru.getByRole('button', { name: `Принять оповещение по заказу ${order.number}: Погрузка у перевозчика` }).click();
    await expect(ru).toContainText(`Просмотрено: ${me.name}`);
    await page.screenshot({ path: info.outputPath('logistician-alerts-ru.png') });
  } finally {
    await callHost(logistician.url, 'setSettings', { language: 'en' });
  }
  // The server took it: the desk sees it acknowledged by the logistician.
  await eventually(async () => (await callHost(dispatcher.url, 'listAlerts', { state: 'active', limit: 2000 })).items.find((a) => a.id === reminder.id && a.state === 'acknowledged' && a.acknowledgedByName === me.name), 30_000);
});
