// A dispatcher sets their own notifications outside the app in Settings (Telegram, which
// alert kinds, quiet hours), then an order they assign is predicted late: the server records
// the alert and its Telegram notice in the same step, and the alert says where it went and
// how (this e2e server has no Telegram settings, so: not sent, channel not set up). English
// and Russian screenshots. The order and the settings are put back for the other specs.
import { expect, test } from '@playwright/test';
import type { AlertView } from '../shared/api/alerts-api';
import { callHost, eventually, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';

const disp = consoleOnPrimary('staff-notify', 13, 'u-dispatcher-1', async (url) => {
  await callHost(url, 'setMyNotifyPrefs', { channel: 'none', kinds: [], email: null, telegramChatId: null, language: 'ru', quietStartMinute: 0, quietEndMinute: 0 }).catch(() => undefined);
  await callHost(url, 'setSettings', { language: 'en' }).catch(() => undefined);
});

const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => Math.hypot(a.lat - b.lat, (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180)) * 111;

test('a dispatcher chooses Telegram for their alerts; a predicted-late alert records where it went', async ({ page }, info) => {
  await page.goto(disp.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'My notifications outside the app' });
  await form.getByLabel('Send by').selectOption('telegram');
  // A chat id that is not a number is refused with its field marked, in the console's words.
  await form.getByLabel('Telegram chat ID').fill('not-a-number');
  await form.getByRole('button', { name: 'Save my notifications' }).click();
  await expect(form.getByRole('alert')).toHaveText("The Telegram chat ID is a number: write /id to the company's bot to get yours.");
  await expect(form.getByLabel('Telegram chat ID')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Telegram chat ID').fill('123456789');
  for (const kind of ['Predicted late', 'SLA breached']) await form.getByLabel(kind).check();
  // No quiet hours, so the outcome below does not depend on the time of day the suite runs.
  await form.getByLabel('Quiet hours from').fill('00:00');
  await form.getByLabel('Quiet hours to').fill('00:00');
  await expect(form).toContainText('No quiet hours');
  await form.getByRole('button', { name: 'Save my notifications' }).click();
  await expect(form.getByRole('status')).toContainText(/saved/i);
  await eventually(async () => ((await callHost(PRIMARY.url, 'listDrivers', {})).length > 0 ? true : undefined));
  await form.getByRole('button', { name: 'Save my notifications' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('my-notifications-en.png') });

  // An express order assigned to the driver farthest from it: predicted hours after its deadline.
  // One never predicted late before: an alert is recorded once per order, kind and deadline,
  // so an order another spec (or an earlier repeat) made late would not alert again.
  const seenLate = new Set((await callHost(disp.url, 'listAlerts', { state: 'all' })).items.filter((a: AlertView) => a.kind === 'predicted_late').map((a: AlertView) => a.orderId));
  const orders = (await callHost(disp.url, 'listOrders', { status: ['confirmed'], driverId: 'none', carriedBy: 'own', serviceType: 'express', limit: 50 })).rows.filter((o) => !seenLate.has(o.id));
  const order = orders.find((o) => o.slaDeadline !== null && o.slaDeadline > Date.now() + 30 * 60_000) ?? orders[0];
  if (!order) throw new Error('no confirmed express order');
  const detail = await callHost(disp.url, 'getOrder', { orderId: order.id });
  if (!detail) throw new Error('no order detail');
  const to = { lat: detail.order.deliveryLat ?? 0, lon: detail.order.deliveryLon ?? 0 };
  const drivers = (await callHost(disp.url, 'listDrivers', {})).filter((d) => d.shiftState === 'on_shift' && d.lat !== null && d.lon !== null);
  const far = drivers.sort((a, b) => km(to, { lat: b.lat ?? 0, lon: b.lon ?? 0 }) - km(to, { lat: a.lat ?? 0, lon: a.lon ?? 0 }))[0];
  if (!far) throw new Error('no driver on shift');
  expect(await callHost(disp.url, 'assignDriver', { orderId: order.id, driverId: far.id, seenVersion: order.version })).toMatchObject({ ok: true });

  const alert = await eventually(async () => {
    const list = await callHost(disp.url, 'listAlerts', { state: 'all' });
    return list.items.find((a: AlertView) => a.orderId === order.id && a.kind === 'predicted_late' && a.deliveries.length > 0);
  }, 60_000);
  expect(alert.deliveries).toEqual([expect.objectContaining({ channel: 'telegram', state: 'failed', error: 'not_configured' })]);

  await page.getByRole('tab', { name: /^Alerts/ }).click();
  const item = page.getByRole('listitem', { name: `Predicted late ${order.number}` });
  await expect(item.getByRole('list', { name: 'Sent outside the app' })).toContainText('Telegram → Айгерим Сейткалиева: not sent: this channel is not set up on the server');
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('alert-deliveries-en.png') });

  await callHost(disp.url, 'setSettings', { language: 'ru' });
  await page.reload();
  await page.getByRole('tab', { name: /^Оповещения/ }).click();
  const ru = page.getByRole('listitem', { name: `Прогноз: опоздание ${order.number}` });
  await expect(ru.getByRole('list', { name: 'Отправлено вне приложения' })).toContainText('не отправлено: канал не настроен на сервере');
  await ru.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('alert-deliveries-ru.png') });
  await page.getByRole('tab', { name: 'Настройки' }).click();
  const ruForm = page.getByRole('form', { name: 'Мои уведомления вне приложения' });
  await expect(ruForm).toBeVisible();
  // The same refusal in Russian: the words come from the dictionary, not the server's English.
  await ruForm.getByLabel('Chat ID в Telegram').fill('не число');
  await ruForm.getByRole('button', { name: 'Сохранить мои уведомления' }).click();
  await expect(ruForm.getByRole('alert')).toHaveText('Chat ID в Telegram — это число: напишите боту компании /id, он пришлёт ваш.');
  await expect(ruForm.getByLabel('Chat ID в Telegram')).toHaveAttribute('aria-invalid', 'true');
  await ruForm.getByRole('button', { name: 'Сохранить мои уведомления' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('my-notifications-ru.png') });

  expect(await callHost(disp.url, 'unassignDriver', { orderId: order.id })).toMatchObject({ ok: true });
});
