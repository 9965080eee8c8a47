// A dispatcher on the phone takes a new order from the keyboard: N opens the form, the customer
// is found by their phone typed the other way round (8 7xx... for a stored +7 7xx...), their last
// address comes with them, a phone that cannot be dialled is named next to its field, the SLA
// deadline shows before saving, and Ctrl+Enter creates the order and opens its card.
import { expect, test } from '@playwright/test';
import { callHost, PRIMARY } from './harness';

test('a new order from the keyboard: customer by phone, field errors, SLA preview, card', async ({ page }, info) => {
  // A customer the demo data knows, and the same phone as a dispatcher would type it from a call.
  const rows = await callHost(PRIMARY.url, 'listOrders', { limit: 50, sort: 'created', sortDir: 'desc' });
  const known = rows.rows.find((r) => r.customerPhone.replace(/\D/g, '').length === 11);
  if (!known) throw new Error('no demo order with an 11-digit phone');
  const digits = known.customerPhone.replace(/\D/g, '');
  const typed = `8 ${digits.slice(1, 4)} ${digits.slice(4, 7)} ${digits.slice(7, 9)} ${digits.slice(9)}`;

  await page.goto('/');
  await expect(page.getByRole('listbox', { name: 'Order queue' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('n');
  const form = page.getByRole('dialog', { name: 'New order' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('searchbox', { name: /Find a customer/ })).toBeFocused();
  await page.keyboard.type(typed);
  const match = form.getByRole('list', { name: 'Customer' }).getByRole('button').first();
  await expect(match).toContainText(known.customerName);
  await expect(form.getByRole('list', { name: `Last addresses: ${known.customerName}` }).getByRole('button').first()).toContainText('Deliver to');
  await page.screenshot({ path: info.outputPath('new-order-lookup-en.png') });
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(known.customerName);
  await expect(form.getByLabel('Delivery address')).not.toHaveValue('');
  await expect(form.getByLabel('Warehouse')).toContainText('nearest proposed');

  // A phone nobody can call: refused, named next to the field, and focused.
  const phone = form.getByLabel('Phone', { exact: true });
  await phone.fill('call me maybe');
  await page.keyboard.press('Control+Enter');
  await expect(form.getByText('Phone: not a number to call')).toBeVisible();
  await expect(phone).toBeFocused();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await phone.fill(typed);

  // Coordinates off the Earth are named too.
  const lat = form.getByLabel('Latitude', { exact: true });
  const goodLat = await lat.inputValue();
  await lat.fill('123');
  await page.keyboard.press('Control+Enter');
  await expect(form.getByText('Latitude: a latitude is between −90 and 90')).toBeVisible();
  await lat.fill(goodLat);

  // An express order with a window tomorrow: the deadline is the window's end.
  await form.getByLabel('Service').selectOption('express');
  await form.getByRole('checkbox', { name: 'Delivery window' }).check();
  await expect(form.getByRole('status', { name: 'SLA' })).toContainText('Deadline: the window’s end');
  await form.getByLabel('What is carried').fill('Чайник');
  await form.getByLabel('Weight, kg').fill('2,5');
  await page.screenshot({ path: info.outputPath('new-order-en.png') });

  // The language switch sits under the form's backdrop: pressed without a pointer.
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  const ru = page.getByRole('dialog', { name: 'Новый заказ' });
  await expect(ru).toBeVisible();
  await page.screenshot({ path: info.outputPath('new-order-ru.png') });
  await ru.getByRole('searchbox').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('new-order-ru-top.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');
  await expect(form).toBeVisible();

  await form.getByLabel('Weight, kg').focus();
  await page.keyboard.press('Control+Enter');
  await expect(form).toHaveCount(0);
  const card = page.getByRole('article', { name: /^Order card/ });
  await expect(card).toContainText(known.customerName);
  await expect(card).toContainText('Чайник');
  await expect(card.getByRole('list', { name: 'Timeline' })).toContainText('Order created');
  await page.screenshot({ path: info.outputPath('new-order-card.png') });
});
