// The admin edits the rules the server computes deadlines with: an SLA policy and a region's
// working calendar, saved through the console and read back from the server; a value the rules
// do not allow is refused with a message and changes nothing. Both edits are undone at the end
// (the primary server is shared by the other specs).
import { expect, test } from '@playwright/test';
import { callHost, eventually, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';

const admin = consoleOnPrimary('admin', 9, 'u-admin-1');

const policyOf = async (host: string, key: string) => (await callHost(host, 'slaSettings', {})).policies.find((p) => p.key === key);

test('an admin edits an SLA policy and a calendar; an invalid value is refused', async ({ page }, info) => {
  const before = await policyOf(PRIMARY.url, 'intercity');
  if (!before) throw new Error('no intercity policy');
  await page.goto(admin.url);
  await expect(page.getByLabel('Role: Admin')).toBeVisible();
  await page.getByRole('tab', { name: 'SLA rules' }).click();
  const table = page.getByRole('table', { name: 'Policies' });

  // Invalid values are refused and change nothing: a norm of 0 through the admin's own API...
  await expect(callHost(admin.url, 'updateSlaPolicy', { policy: { ...before, normMinutes: 0 } })).rejects.toThrow(/invalid_request.*normMinutes/);
  expect(await policyOf(PRIMARY.url, 'intercity')).toEqual(before);
  // ...and a holiday on a day that does not exist, in the calendar editor: marked, not added.
  const holidays = page.getByRole('list', { name: 'Holidays' });
  await expect(holidays.getByRole('listitem').first()).toBeVisible(); // the calendar has loaded
  const holidaysBefore = await holidays.getByRole('listitem').count();
  const day = page.getByRole('textbox', { name: 'Holiday date' });
  await day.fill('31.02.2027');
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await expect(holidays.getByRole('listitem')).toHaveCount(holidaysBefore);
  await day.fill('');

  // A real change: intercity norm 72 h -> 80 h, warning 8 h.
  await table.getByLabel('Intercity: Norm, h').fill('80');
  await table.getByLabel('Intercity: Warn, min before').fill('480');
  await table.getByRole('button', { name: 'Save the Intercity policy' }).click();
  await expect(page.locator('.sla-msg.ok')).toContainText('Saved');
  // The dispatcher's console (another replica) gets the rule from the server.
  const after = await eventually(async () => {
    const p = await policyOf(PRIMARY.url, 'intercity');
    return p?.normMinutes === 80 * 60 ? p : undefined;
  }, 30_000);
  expect(after).toMatchObject({ normMinutes: 4800, warnBeforeMinutes: 480 });
  await page.screenshot({ path: info.outputPath('admin-sla-policy.png') });

  // A holiday on a region's calendar.
  const region = (await callHost(admin.url, 'slaSettings', {})).regions[0];
  if (!region) throw new Error('no region');
  await page.getByRole('textbox', { name: 'Holiday date' }).fill('2027-12-30');
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await expect(page.getByRole('list', { name: 'Holidays' })).toContainText('30/12/2027');
  await page.getByRole('button', { name: 'Save calendar' }).click();
  await eventually(async () => ((await callHost(PRIMARY.url, 'slaSettings', {})).regions.find((r) => r.id === region.id)?.holidays.includes('2027-12-30') ? true : undefined), 30_000);
  await expect(page.locator('.sla-msg.ok')).toContainText('Saved');
  await page.screenshot({ path: info.outputPath('admin-calendar.png') });

  // Undo both for the other specs (through the API the screen uses).
  expect(await callHost(admin.url, 'updateSlaPolicy', { policy: before })).toMatchObject({ ok: true });
  expect(await callHost(admin.url, 'updateRegionCalendar', { regionId: region.id, holidays: region.holidays })).toMatchObject({ ok: true });
});

test('the rules are read-only for a dispatcher: no SLA rules tab, and the API refuses', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Alerts' }).or(page.getByRole('tab', { name: /^Alerts/ }))).toBeVisible();
  await expect(page.getByRole('tab', { name: 'SLA rules' })).toHaveCount(0);
  const policy = await policyOf(PRIMARY.url, 'express');
  if (!policy) throw new Error('no express policy');
  expect(await callHost(PRIMARY.url, 'updateSlaPolicy', { policy: { ...policy, normMinutes: 600 } })).toMatchObject({ ok: false, code: 'forbidden' });
});
