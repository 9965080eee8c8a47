// "Nobody has started the day" (issue 18, seed 004): an admin sets a warehouse's time in the SLA
// rules screen; when none of that warehouse's drivers has started the day by then, the server
// raises an alert and the supervisor's console shows it in words, in English and Russian, with
// the warehouse where an order number would be; a click opens that warehouse's drivers.
// Its own server: the test makes every day a working day and sends a warehouse's drivers home.
import { expect, test } from '@playwright/test';
import { callHost, eventually } from './harness';
import { ownServerWithConsoles } from './spec-consoles';

const { admin, supervisor } = ownServerWithConsoles('shift-start', 40, ['admin', 'supervisor']);

test('a supervisor is told in words when nobody at a warehouse has started the day by its time', async ({ page }, info) => {
  const settings = await callHost(admin.url, 'slaSettings', {});
  const warehouse = settings.warehouses[0];
  if (!warehouse) throw new Error('no warehouse in the demo');
  expect(warehouse.shiftStartAlertMinute).toBeNull(); // off unless an admin sets it
  const region = (await callHost(admin.url, 'listWarehouses', {})).find((w) => w.id === warehouse.id)?.regionId;
  if (!region) throw new Error('no region');
  // Whatever day the test runs on is a working day in this warehouse's region.
  await callHost(admin.url, 'updateRegionCalendar', { regionId: region, workingDays: [1, 2, 3, 4, 5, 6, 7], holidays: [] });
  // Its drivers have gone home: nobody has started the day there.
  const drivers = (await callHost(admin.url, 'listDrivers', {})).filter((d) => d.homeWarehouseId === warehouse.id);
  expect(drivers.length).toBeGreaterThan(0);
  for (const d of drivers) if (d.shiftState !== 'off_shift') await callHost(admin.url, 'setDriverShift', { driverId: d.id, shiftState: 'off_shift' });

  // The admin sets the time in the SLA rules screen; 25:00 is not a time and is not saved.
  await page.goto(admin.url);
  await expect(page.getByLabel('Role: Admin')).toBeVisible();
  await page.getByRole('tab', { name: 'SLA rules' }).click();
  const section = page.getByRole('region', { name: 'Drivers start the day by' });
  await section.getByRole('checkbox', { name: `Check when the drivers of ${warehouse.name} start the day` }).check();
  const time = section.getByRole('textbox', { name: `By what time a driver of ${warehouse.name} starts the day` });
  await time.fill('25:00');
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await time.fill('00:00');
  await expect(time).not.toHaveAttribute('aria-invalid', 'true');
  await section.getByRole('button', { name: `Save the start-of-day check of ${warehouse.name}` }).click();
  await eventually(async () => (await callHost(supervisor.url, 'slaSettings', {})).warehouses.find((w) => w.id === warehouse.id)?.shiftStartAlertMinute === 0);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('shift-start-setting-en.png'), fullPage: true });
  // The server refuses a bad time from the API too.
  await expect(callHost(admin.url, 'setWarehouseShiftStartAlert', { warehouseId: warehouse.id, time: '24:00' })).rejects.toThrow(/invalid_request.*time/);

  // The server raised the alert; the supervisor sees it in words.
  const alert = await eventually(async () => {
    const list = await callHost(supervisor.url, 'listAlerts', { state: 'active', limit: 300 });
    return list.items.find((a) => a.kind === 'no_shift_start' && a.warehouseId === warehouse.id);
  }, 60_000);
  expect(alert).toMatchObject({ orderId: null, warehouseName: warehouse.name, audience: 'supervisor', state: 'open' });

  await page.goto(supervisor.url);
  await expect(page.getByLabel('Role: Supervisor')).toBeVisible();
  await page.getByRole('tab', { name: /^Alerts/ }).click();
  const list = page.getByRole('list', { name: 'SLA alerts' });
  const item = list.getByRole('listitem', { name: `Nobody started the day ${warehouse.name}` });
  await expect(item).toContainText(`${warehouse.name}: no driver of the warehouse had started the day by 00:00`);
  await expect(item.getByRole('button', { name: `Acknowledge the alert about ${warehouse.name}: Nobody started the day` })).toBeVisible();
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('shift-start-alert-en.png') });

  await callHost(supervisor.url, 'setSettings', { language: 'ru' });
  await page.reload();
  await page.getByRole('tab', { name: /^Оповещения/ }).click();
  const itemRu = page.getByRole('listitem', { name: `Никто не начал день ${warehouse.name}` });
  await expect(itemRu).toContainText(`«${warehouse.name}»: к 00:00`);
  await expect(itemRu).toContainText('ни один водитель склада не начал рабочий день');
  await itemRu.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('shift-start-alert-ru.png') });

  // A click on the warehouse opens the console's drivers panel, only that warehouse's drivers.
  await itemRu.getByRole('button', { name: `Показать водителей: ${warehouse.name}` }).click();
  await expect(page.getByText(`Водители: ${warehouse.name}`)).toBeVisible();
  await page.screenshot({ path: info.outputPath('shift-start-drivers-ru.png') });
  await callHost(supervisor.url, 'setSettings', { language: 'en' });

  // A driver starts the day: the alert is resolved on the supervisor's console.
  await callHost(admin.url, 'setDriverShift', { driverId: drivers[0]?.id, shiftState: 'on_shift' });
  const resolved = await eventually(async () => {
    const l = await callHost(supervisor.url, 'listAlerts', { state: 'resolved', limit: 300 });
    return l.items.find((a) => a.id === alert.id);
  }, 60_000);
  expect(resolved.resolution).toBe('condition_cleared');
});
