// The logistician's day with the carrier base: import a spreadsheet (one row is bad and is
// reported, the rest are imported), edit an imported carrier, export the base to XLSX. Each
// step is checked on the server too (the dispatcher's console is another replica).
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { binCheckDigit } from '../shared/carriers/tax-id';
import { callHost, eventually, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';

const logistician = consoleOnPrimary('logistician', 10, 'u-logistician-1');

/** A unique, valid BIN per run so a re-run imports new carriers, not duplicates. */
function freshBin(seed: number): string {
  for (let n = seed; ; n++) {
    const first11 = String(n).padStart(11, '0').slice(-11);
    const c = binCheckDigit(first11);
    if (c !== null) return `${first11}${c}`;
  }
}

test('import with a bad row, edit a carrier, export', async ({ page }, info) => {
  const run = Date.now() % 1_000_000;
  const names = [`ТОО Импорт Е2Е ${run} А`, `ТОО Импорт Е2Е ${run} Б`];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('База');
  ws.addRow(['Наименование', 'БИН', 'Телефон', 'Контактное лицо', 'Город', 'Тип кузова', 'Тоннаж', 'Направления']);
  ws.addRow([names[0], freshBin(40_000_000_000 + run * 13), `+7 705 ${String(run).padStart(7, '0')}`, 'Серик', 'Алматы', 'тент', 20, 'Алматы - Астана']);
  ws.addRow(['', '', '+7 705 000 00 00', '', '', '', '', '']); // row 3: no name
  ws.addRow([names[1], freshBin(50_000_000_000 + run * 17), `+7 706 ${String(run).padStart(7, '0')}`, 'Айгуль', 'Шымкент', 'борт', 10, 'Шымкент - Алматы']);
  // No directions: found from its home city (issue 13 item 5).
  const homeOnly = `ТОО Импорт Е2Е ${run} В`;
  const homePhone = `8 (707) ${String(run).padStart(7, '0').replace(/^(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3')}`;
  ws.addRow([homeOnly, '', homePhone, '', 'Караганда', 'реф', 5, '']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  await page.goto(logistician.url);
  await expect(page.getByLabel('Role: Logistician')).toBeVisible();
  // A logistician lands on Carriers (issue 13 item 12).
  await expect(page.getByRole('tab', { name: 'Carriers' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Import…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import carriers' });
  await wizard.getByLabel('XLSX or CSV file').setInputFiles({ name: 'база.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await wizard.getByRole('button', { name: 'Check rows' }).click();
  await expect(wizard).toContainText('3 new, 0 duplicates, 1 rejected');
  await page.screenshot({ path: info.outputPath('import-preview.png') });
  await wizard.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(wizard.getByRole('status')).toHaveText('Created 3, updated 0, skipped 0 duplicates, rejected 1.');
  await wizard.getByRole('button', { name: 'Done' }).click();

  // Both carriers reach the server and the dispatcher's replica.
  const imported = await eventually(async () => {
    const r = await callHost(PRIMARY.url, 'searchCarriers', { text: `Импорт Е2Е ${run}`, limit: 10 });
    return r.results.length === 3 ? r.results : undefined;
  }, 30_000);
  expect(imported.map((c) => c.name).sort()).toEqual([...names, homeOnly].sort());

  // The one without directions, from its home city, by a run of its phone's digits typed
  // without separators (issue 13 items 5 and 6), refrigerated or not.
  const filters0 = page.getByRole('search', { name: 'Search filters' });
  await filters0.getByLabel('Name, BIN/INN, phone, contact, notes', { exact: true }).fill(String(run).padStart(7, '0'));
  await filters0.getByLabel('Loading city', { exact: true }).fill('Караганда');
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText(homeOnly);
  await expect(results).toContainText('Home city: Караганда');
  await page.screenshot({ path: info.outputPath('home-city-phone-run.png') });
  // The same in Russian (this host is the logistician's own).
  await callHost(logistician.url, 'setSettings', { language: 'ru' });
  await page.reload();
  const filtersRu = page.getByRole('search', { name: 'Фильтры поиска' });
  await filtersRu.getByLabel('Город загрузки', { exact: true }).fill('Караганда');
  await filtersRu.getByLabel('Название, БИН/ИНН, телефон, контакт, заметки', { exact: true }).fill(String(run).padStart(7, '0'));
  await expect(page.getByRole('list', { name: 'Результаты' })).toContainText('Город базирования: Караганда');
  await page.screenshot({ path: info.outputPath('home-city-phone-run-ru.png') });
  await callHost(logistician.url, 'setSettings', { language: 'en' });
  await page.reload();
  await filters0.getByLabel('Loading city', { exact: true }).fill('');

  // Edit one: a new contact person.
  const filters = page.getByRole('search', { name: 'Search filters' });
  await filters.getByLabel('Name, BIN/INN, phone, contact, notes', { exact: true }).fill(names[0] ?? '');
  await page.getByRole('button', { name: `Open card of ${names[0]}` }).click();
  const card = page.getByRole('complementary', { name: 'Carrier card' });
  // The card's own Edit comes first; the others edit its vehicles.
  await card.getByRole('button', { name: 'Edit', exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Contact person').fill('Серик Ахметов');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(card).toContainText('Серик Ахметов');
  await eventually(async () => {
    const r = await callHost(PRIMARY.url, 'searchCarriers', { text: names[0], limit: 1 });
    return r.results[0]?.contactPerson === 'Серик Ахметов' ? true : undefined;
  }, 30_000);

  // Export what the search shows: a real XLSX download holding the edited carrier.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  const saved = await (await download).path();
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(saved);
  const rows: string[] = [];
  back.worksheets[0]?.eachRow((row) => rows.push(JSON.stringify(row.values)));
  expect(rows.some((r) => r.includes(names[0] ?? '?') && r.includes('Серик Ахметов'))).toBe(true);
  await page.screenshot({ path: info.outputPath('carriers-after-export.png') });
});
