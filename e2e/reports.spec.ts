// A supervisor's Reports tab over the demo company: headline figures with their definitions,
// charts, cuts, the orders behind a figure opening the order card, the XLSX export, a range
// in 2100 refused with the field named, and the same screen in Russian.
import { expect, test } from '@playwright/test';
import { callHost } from './harness';
import { consoleOnPrimary } from './spec-consoles';

const supervisor = consoleOnPrimary('reports', 11, 'u-supervisor-1');

test('a supervisor reads the figures, drills into OTIF, opens an order and exports', async ({ page }, info) => {
  await callHost(supervisor.url, 'setSettings', { language: 'en' });
  await page.goto(supervisor.url);
  await expect(page.getByLabel('Role: Supervisor')).toBeVisible();
  await page.getByRole('tab', { name: /^Reports/ }).click();
  const kpis = page.locator('.report-kpi');
  await expect(kpis).toHaveCount(9);
  const otif = page.locator('.report-kpi[data-figure="otif"]');
  await expect(otif.locator('.report-kpi-main')).toHaveAttribute('title', /on time in full/);
  await expect(otif.locator('.report-kpi-value')).toHaveText(/^\d{1,3}%$/);
  await expect(page.getByRole('status').first()).toContainText('Computed on this computer');
  await expect(page.locator('.report-chart canvas').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('reports-en.png'), fullPage: true });

  // The misses behind OTIF: as many rows as the figure says were not counted.
  const counts = (await otif.locator('.report-link').first().innerText()).match(/([\d,]+) of ([\d,]+)/);
  expect(counts).not.toBeNull();
  const missed = Number(counts![2]!.replace(/,/g, '')) - Number(counts![1]!.replace(/,/g, ''));
  await otif.locator('.report-link').first().click();
  const drill = page.getByRole('complementary', { name: /^Orders behind: OTIF/ });
  await expect(drill).toBeVisible();
  await expect(drill.locator('.report-note').first()).toHaveText(new RegExp(`^${missed.toLocaleString('en-GB')} orders?$`));
  await page.screenshot({ path: info.outputPath('reports-drill-en.png') });

  // Export: the figures and the orders behind the open drill-down.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // The driver cut, sorted by on-time share.
  await page.getByRole('tab', { name: /^Driver/ }).click();
  await page.getByRole('button', { name: 'Sort by On time' }).click();
  await expect(page.locator('.report-cuts tbody tr').first()).toBeVisible();

  // An order behind the figure opens on the console.
  const first = drill.getByRole('button', { name: /^Open order / });
  const label = (await first.first().getAttribute('aria-label')) ?? '';
  await first.first().click();
  await expect(page.getByRole('tab', { name: /^Console/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.card-title')).toContainText(label.replace('Open order ', ''));
});

test('a range in 2100 cannot be typed, a reversed one is refused with the field named, and the screen speaks Russian', async ({ page }, info) => {
  await callHost(supervisor.url, 'setSettings', { language: 'ru' });
  await page.goto(supervisor.url);
  await page.getByRole('tab', { name: /^Отчёты/ }).click();
  await expect(page.locator('.report-kpi[data-figure="onTime"] .report-kpi-name')).toContainText('Вовремя');
  await expect(page.locator('.report-kpi[data-figure="otif"] .report-kpi-value')).toHaveText(/^\d{1,3}\s%$/);
  await expect(page.getByText('Заказы и доля вовремя по дням')).toBeVisible();
  await page.screenshot({ path: info.outputPath('reports-ru.png'), fullPage: true });
  await page.getByRole('button', { name: 'Свой период' }).click();
  // The day field does not take a year that far; the request schema and the server refuse it too (unit tests).
  await page.getByLabel('С', { exact: true }).fill('01.01.2100');
  await expect(page.getByLabel('С', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('С', { exact: true }).fill('10.11.2026');
  await page.getByLabel('По', { exact: true }).fill('01.11.2026');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByRole('alert')).toContainText('to: 2026-11-01 is before from (2026-11-10)');
  await callHost(supervisor.url, 'setSettings', { language: 'en' });
});
