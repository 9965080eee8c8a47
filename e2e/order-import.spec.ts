// A dispatcher imports a shop's orders from a spreadsheet: the console's Import orders button,
// columns guessed from the Russian headers, a row with a phone nobody can call refused with its
// reason and nothing imported while it is, then the fixed file (CSV this time) imported whole; the
// orders are in the queue. Screenshots in English and Russian.
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { callHost, PRIMARY } from './harness';

const run = Date.now().toString(36);
// Tomorrow 14:00-16:00 in Almaty's clock (UTC+5).
const tomorrow = new Date(Date.now() + 5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
const HEADER = ['№ заказа', 'Получатель', 'Телефон', 'Город', 'Адрес доставки', 'Доставить с', 'Доставить до', 'Вес, кг'];
const rows = (badPhone: boolean) =>
  [1, 2, 3].map((i) => [
    `E2E-${run}-${i}`,
    `Импорт ${run} ${i}`,
    badPhone && i === 2 ? '12-34' : `+7 701 555 00 0${i}`,
    'Алматы',
    `ул. Толе би ${10 + i}, Алмалинский р-н`,
    `${tomorrow} 14:00`,
    `${tomorrow} 16:00`,
    String(i * 2),
  ]);

async function xlsx(data: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Заказы');
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importedNames(): Promise<string[]> {
  const list = await callHost(PRIMARY.url, 'listOrders', { search: `Импорт ${run}`, limit: 50 });
  return list.rows.map((r) => r.customerName).sort();
}

test('orders from a spreadsheet: a refused row stops the file with its reason; the fixed file goes in whole', async ({ page }, info) => {
  await page.goto('/');
  await expect(page.getByRole('listbox', { name: 'Order queue' }).getByRole('option').first()).toBeVisible();
  await page.getByRole('button', { name: 'Import orders' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import orders from a spreadsheet' });
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('XLSX or CSV file').setInputFiles({
    name: 'заказы.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx([HEADER, ...rows(true)]),
  });
  // The columns were guessed from the headers; each can be changed.
  await expect(dialog.getByLabel('Shop order number')).toHaveValue('0');
  await expect(dialog.getByLabel('Phone', { exact: true })).toHaveValue('2');
  await expect(dialog.getByLabel('Window end')).toHaveValue('6');
  await page.screenshot({ path: info.outputPath('order-import-mapping-en.png') });
  await dialog.getByRole('button', { name: 'Check rows' }).click();

  await expect(dialog.getByRole('status')).toContainText('2 orders ready to import');
  await expect(dialog.getByRole('status')).toContainText('1 row refused');
  const refused = dialog.getByRole('row').filter({ hasText: `E2E-${run}-2` });
  await expect(refused).toContainText('Refused');
  await expect(refused).toContainText('Phone: not a number to call');
  await expect(dialog.getByRole('button', { name: /^Import \d/ })).toBeDisabled();
  await page.screenshot({ path: info.outputPath('order-import-refused-en.png') });
  expect(await importedNames()).toEqual([]);

  // The language switch sits under the dialog's backdrop: pressed without a pointer.
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  const ru = page.getByRole('dialog', { name: 'Импорт заказов из таблицы' });
  await expect(ru.getByRole('row').filter({ hasText: `E2E-${run}-2` })).toContainText('Телефон: не номер для звонка');
  await expect(ru.getByRole('status')).toContainText('Отклонено: 1 строка');
  await page.screenshot({ path: info.outputPath('order-import-refused-ru.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');

  // Fixed, as a semicolon CSV: read, checked, imported whole.
  const csv = [HEADER, ...rows(false)].map((r) => r.join(';')).join('\r\n');
  await dialog.getByLabel('Choose the fixed file').setInputFiles({ name: 'заказы.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByLabel('Shop order number')).toHaveValue('0');
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 orders ready to import');
  await expect(dialog.getByRole('status')).not.toContainText('refused');
  await dialog.getByRole('button', { name: 'Import 3 orders' }).click();
  // Said only once the server has taken the whole file (its parts are applied together).
  await expect(dialog.getByRole('status')).toContainText('The server took the whole file: 3 orders in the queue');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'To the server' })).toHaveAttribute('aria-current', 'step');
  await page.screenshot({ path: info.outputPath('order-import-done-en.png') });
  await page.getByRole('button', { name: 'RU' }).dispatchEvent('click');
  await expect(page.getByRole('dialog', { name: 'Импорт заказов из таблицы' }).getByRole('status')).toContainText('Сервер принял весь файл: 3 заказа в очереди');
  await page.screenshot({ path: info.outputPath('order-import-done-ru.png') });
  await page.getByRole('button', { name: 'EN' }).dispatchEvent('click');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(importedNames).toEqual([1, 2, 3].map((i) => `Импорт ${run} ${i}`));
});
