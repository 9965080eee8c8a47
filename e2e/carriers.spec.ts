// Carrier database: a logistician finds a carrier for a freight request by direction (typed in
// Latin, the base spells it in Cyrillic) and by a phone typed in another format, sees why it
// ranks where it does, and can call it. Every filter is found by its label.
import { expect, test } from '@playwright/test';
import { callHost, PRIMARY } from './harness';

test('finds a carrier by direction and by phone, with the reason and a call link', async ({ page }, info) => {
  // What the replica ranks first for Almaty -> Astana (the demo base is deterministic).
  const best = (await callHost(PRIMARY.url, 'searchCarriers', { fromCity: 'Алматы', toCity: 'Астана', limit: 1 })).results[0];
  if (!best) throw new Error('the demo base has no carrier for Almaty -> Astana');
  expect(best.reason.tier).toBe('deals');

  await page.goto('/');
  await page.getByRole('tab', { name: 'Carriers' }).click();
  const filters = page.getByRole('search', { name: 'Search filters' });
  await filters.getByLabel('Loading city', { exact: true }).fill('Almaty');
  await filters.getByLabel('Unloading city', { exact: true }).fill('Астана');
  const results = page.getByRole('list', { name: 'Results' });
  const first = results.getByRole('listitem').first();
  await expect(first.getByRole('button', { name: `Open card of ${best.name}` })).toBeVisible();
  await expect(first).toContainText(/successful deals? on this direction/);
  await expect(page.getByRole('status').filter({ hasText: 'Алматы → Астана' })).toBeVisible();

  // Every other filter is there under its label, and narrowing keeps the list coherent.
  await filters.getByLabel('Vehicle type', { exact: true }).selectOption('tent');
  await filters.getByLabel('Min. tonnage, t', { exact: true }).fill('20');
  await expect(results.getByRole('listitem').first()).toContainText(/Tent 2\d/);
  for (const label of ['Min. volume, m³', 'Hazardous goods (ADR) class', 'Available by', 'Refrigerated', 'Oversize', 'Security check passed']) {
    await expect(filters.getByLabel(label, { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: info.outputPath('carriers-direction.png') });

  // The same carrier by its phone, typed with a trunk 8 instead of +7.
  await filters.getByRole('button', { name: 'Reset' }).click();
  const digits = best.phoneNormalized;
  const typed = `8 ${digits.slice(1, 4)} ${digits.slice(4, 7)}`;
  await filters.getByLabel('Name, BIN/INN, phone, contact, notes', { exact: true }).fill(typed);
  const hit = results.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Open card of ${best.name}` }) });
  await expect(hit).toBeVisible();
  await expect(hit.getByRole('link', { name: /^Call / })).toHaveAttribute('href', `tel:+${digits}`);

  // The card opens with contacts and history.
  await hit.getByRole('button', { name: `Open card of ${best.name}` }).click();
  const card = page.getByRole('complementary', { name: 'Carrier card' });
  await expect(card.getByRole('heading', { name: best.name })).toBeVisible();
  await expect(card.getByRole('tab', { name: /^Deals/ })).toBeVisible();
  await page.screenshot({ path: info.outputPath('carriers-card.png') });
});
