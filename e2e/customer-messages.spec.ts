// The admin's customer messages: a text edited with a live preview on a real order from the
// replica, an unknown placeholder marked and refused (in the screen and by the server, field
// named), a saved text and channel reaching the server, and quiet hours out of range refused.
// Screenshots in English and Russian. Everything is put back for the other specs.
import { expect, test } from '@playwright/test';
import { callHost, eventually, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';

const admin = consoleOnPrimary('customer-messages', 12, 'u-admin-1', async (url) => {
  await callHost(url, 'setSettings', { language: 'en' }).catch(() => undefined);
});

const ruleOf = async (host: string, trigger: string) => (await callHost(host, 'messageSettings', {})).rules.find((r) => r.trigger === trigger);

test('an admin edits a customer message with a preview on a real order; bad values are refused', async ({ page }, info) => {
  const before = await ruleOf(admin.url, 'in_transit');
  if (!before) throw new Error('no in_transit rule');
  await page.goto(admin.url);
  await page.getByRole('tab', { name: 'Customer messages' }).click();
  await page.getByRole('row', { name: /On the way/ }).getByRole('button').click();
  const editor = page.getByRole('region', { name: 'Text: On the way' });
  await editor.getByRole('tab', { name: 'English' }).click();
  const order = editor.getByLabel('Preview on order');
  await expect(order.locator('option').first()).toHaveText(/MR-.* · In transit · /);
  const number = (await order.locator('option').first().textContent())?.split(' · ')[0] ?? '';

  // Typing renders on that order at once: its number, the shipped placeholders filled.
  const text = editor.getByRole('textbox', { name: /Text/ });
  await text.fill('Order {{number}} is coming with {{driver}} {{phone}}');
  await expect(editor.getByRole('list')).toContainText('Unknown value {{phone}}');
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.locator('.cmsg-body')).toContainText(`Order ${number} is coming with`);
  // Saving it anyway: the mutator refuses, naming the field, and nothing changes.
  await editor.getByRole('button', { name: 'Save texts and channels' }).click();
  await expect(page.locator('.cmsg-msg.err')).toContainText('Not saved: the text marked below has a problem');
  await expect(editor.getByRole('list')).toContainText('Unknown value {{phone}}');
  expect(await ruleOf(PRIMARY.url, 'in_transit')).toEqual(before);
  // The server refuses the same on its own, whatever a desktop sends.
  await expect(callHost(admin.url, 'updateMessageRule', { trigger: 'in_transit', channels: before.channels, texts: { en: 'x'.repeat(5000) } })).rejects.toThrow(/invalid_request.*texts\.en/);
  await expect(callHost(admin.url, 'updateMessageSettings', { quietStartMinute: 1440, quietEndMinute: 0, arrivingMinutes: 15, linkDays: 7 })).rejects.toThrow(/quietStartMinute/);

  // A good text and SMS off: saved, and the server has it.
  await text.fill('Order {{number}} is on its way with {{driver}}, about {{eta}}. {{link}}');
  await expect(editor.getByRole('listitem')).toHaveCount(0);
  // A channel toggle is saved at once (the box follows the stored rule).
  await page.getByRole('checkbox', { name: 'On the way: SMS' }).click();
  await expect(page.getByRole('checkbox', { name: 'On the way: SMS' })).not.toBeChecked();
  await editor.getByRole('button', { name: 'Save texts and channels' }).click();
  await expect(page.locator('.cmsg-msg.ok')).toContainText('Saved');
  await eventually(async () => {
    const r = await ruleOf(PRIMARY.url, 'in_transit');
    return r?.texts.en?.startsWith('Order {{number}} is on its way') && !r.channels.sms ? r : undefined;
  }, 30_000);
  await expect(editor.locator('.cmsg-body')).toContainText(`Order ${number} is on its way`);
  await page.screenshot({ path: info.outputPath('customer-messages-en.png') });

  // In Russian: the Russian text of the same trigger, previewed on the same order.
  await callHost(admin.url, 'setSettings', { language: 'ru' });
  await page.reload();
  await page.getByRole('tab', { name: 'Сообщения клиентам' }).click();
  await page.getByRole('row', { name: /В пути/ }).getByRole('button').click();
  const ru = page.getByRole('region', { name: 'Текст: В пути' });
  await expect(ru.locator('.cmsg-body')).toContainText(/в пути/);
  await page.screenshot({ path: info.outputPath('customer-messages-ru.png') });

  // Put the rule back for the other specs.
  const texts = Object.fromEntries(Object.entries(before.texts).filter(([, v]) => v !== null)) as Record<string, string>;
  expect(await callHost(admin.url, 'updateMessageRule', { trigger: 'in_transit', channels: before.channels, texts })).toMatchObject({ ok: true });
});

test('an admin turns a message off for one service type in the matrix; the server has it; hostile switches are refused', async ({ page }, info) => {
  const before = await ruleOf(admin.url, 'delivered');
  if (!before) throw new Error('no delivered rule');
  expect(before.services).toEqual({ express: true, standard: true, intercity: true });
  await callHost(admin.url, 'setSettings', { language: 'en' });
  await page.goto(admin.url);
  await page.getByRole('tab', { name: 'Customer messages' }).click();
  const matrix = page.getByRole('region', { name: 'For which services' });
  const cell = matrix.getByRole('checkbox', { name: 'Delivered: Intercity' });
  await expect(cell).toBeChecked();
  await cell.click();
  await expect(cell).not.toBeChecked();
  await expect(matrix.getByRole('checkbox', { name: 'Delivered: Express' })).toBeChecked();
  await eventually(async () => {
    const r = await ruleOf(PRIMARY.url, 'delivered');
    return r?.services.intercity === false ? r : undefined;
  }, 30_000);
  expect((await ruleOf(PRIMARY.url, 'delivered'))?.services).toEqual({ express: true, standard: true, intercity: false });
  // Hostile switches never leave the desktop: refused by the schema, the field named.
  await expect(callHost(admin.url, 'setMessageServices', { trigger: 'delivered', services: { same_day: false } })).rejects.toThrow(/invalid_request.*services/);
  await expect(callHost(admin.url, 'setMessageServices', { trigger: 'delivered', services: { express: 'no' } })).rejects.toThrow(/invalid_request.*services\.express/);
  await expect(callHost(admin.url, 'setMessageServices', { trigger: '__proto__', services: { express: false } })).rejects.toThrow(/invalid_request.*trigger/);
  await matrix.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('customer-messages-services-en.png') });

  await callHost(admin.url, 'setSettings', { language: 'ru' });
  await page.reload();
  await page.getByRole('tab', { name: 'Сообщения клиентам' }).click();
  const ru = page.getByRole('region', { name: 'Для каких услуг' });
  await expect(ru.getByRole('checkbox', { name: 'Доставлен: Межгород' })).not.toBeChecked();
  await ru.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('customer-messages-services-ru.png') });

  // Put it back for the other specs.
  await ru.getByRole('checkbox', { name: 'Доставлен: Межгород' }).click();
  await eventually(async () => ((await ruleOf(PRIMARY.url, 'delivered'))?.services.intercity === true ? true : undefined), 30_000);
  await callHost(admin.url, 'setSettings', { language: 'en' });
});

test('a dispatcher has no customer messages tab, and the server refuses their edit', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: /^Alerts/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Customer messages' })).toHaveCount(0);
  expect(await callHost(PRIMARY.url, 'updateMessageRule', { trigger: 'delivered', channels: { sms: false, email: false, telegram: false }, texts: {} })).toMatchObject({ ok: false, code: 'forbidden' });
});
