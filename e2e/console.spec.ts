// The primary console (browser host + embedded demo server): it loads the demo data, the SLA
// countdowns tick, and the main window is saved as a screenshot artefact.
import { expect, test } from '@playwright/test';

test('the console loads the demo data', async ({ page }, info) => {
  await page.goto('/');
  const queue = page.getByRole('listbox', { name: 'Order queue' });
  await expect(queue.getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection status: Online' })).toBeVisible();
  // Demo data: hundreds of orders, a non-empty problem queue, orders with drivers.
  const count = page.getByText(/^\d+ orders$/);
  await expect(count).toBeVisible();
  expect(Number((await count.innerText()).split(' ')[0])).toBeGreaterThan(100);
  await expect(page.getByRole('region', { name: 'Problem queue' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: /Console/ })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: info.outputPath('console-main-window.png') });
});

test('the SLA countdown ticks every second', async ({ page }, info) => {
  await page.goto('/');
  // Orders inside their warning window show h:mm:ss.
  await page.getByRole('combobox', { name: 'SLA' }).selectOption('at_risk');
  const queue = page.getByRole('listbox', { name: 'Order queue' });
  const timer = queue.getByText(/^\d+:\d{2}:\d{2}$/).first();
  await expect(timer).toBeVisible();
  const before = await timer.innerText();
  await expect.poll(async () => timer.innerText(), { timeout: 5_000 }).not.toBe(before);
  const after = await timer.innerText();
  const secs = (s: string): number => s.split(':').reduce((acc, x) => acc * 60 + Number(x), 0);
  expect(secs(before) - secs(after)).toBeGreaterThanOrEqual(1);
  expect(secs(before) - secs(after)).toBeLessThanOrEqual(5);
  await page.screenshot({ path: info.outputPath('console-at-risk.png') });
});

test('at risk and breached look different (by computed style, not only in a screenshot)', async ({ page }) => {
  await page.goto('/');
  const queue = page.getByRole('listbox', { name: 'Order queue' });
  const risk = page.getByRole('combobox', { name: 'SLA' });
  const styleOf = async (states: string[]) => {
    const cell = queue.locator(states.map((s) => `[data-sla-state="${s}"]`).join(', ')).first();
    await expect(cell).toBeVisible();
    return cell.evaluate((el) => {
      const cs = (globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string; fontWeight: string; display: string } }).getComputedStyle(el);
      return { color: cs.color, background: cs.backgroundColor, weight: cs.fontWeight };
    });
  };
  await risk.selectOption('at_risk');
  const atRisk = await styleOf(['warning', 'critical']);
  await risk.selectOption('breached');
  const breached = await styleOf(['breached']);

  const transparent = 'rgba(0, 0, 0, 0)';
  // Each is marked by a background of its own: amber for at risk, red for breached.
  expect(breached.background).not.toBe(transparent);
  expect(atRisk.background).not.toBe(transparent);
  expect(atRisk.background).not.toBe(breached.background);
  expect(breached).not.toEqual(atRisk);
  // And at risk stands out from plain text: bold, in a colour of its own.
  const plain = await queue.getByRole('option').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string; fontWeight: string; display: string } }).getComputedStyle(el).color);
  expect(atRisk.color).not.toBe(plain);
  expect(Number(atRisk.weight)).toBeGreaterThanOrEqual(600);
});
