// The driver's phone page (issue 18) in Chromium's mobile emulation against the primary demo
// server: sign in by a one-time link, mark an order delivered with a signature, go offline,
// mark another, come back, and see both marks on the console's timeline exactly once.
// Screenshots at phone size in English and Russian land in test-results/.
import { devices, expect, test, type Page } from '@playwright/test';
import { PRIMARY, primaryTokens, tokenFor } from './harness';

interface OrderRow {
  id: string;
  number: string;
  driverId: string | null;
  status: string;
  subMark: string | null;
}

async function rest<T>(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${PRIMARY.serverUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function sign(page: Page): Promise<void> {
  const pad = page.getByTestId('signature');
  const box = await pad.boundingBox();
  if (box === null) throw new Error('no signature pad');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 18, box.y + box.height / 2 + (i % 2 === 0 ? -25 : 25), { steps: 3 });
  await page.mouse.up();
}

test('a driver signs in by link, delivers with a signature, marks another offline, and the console sees both once', async ({ browser, page: consolePage }, info) => {
  const dispatcher = tokenFor(primaryTokens(), 'dispatcher');
  const inTransit = (await rest<{ orders: OrderRow[] }>('/api/orders?status=in_transit&limit=2000', dispatcher)).orders;
  const byDriver = new Map<string, OrderRow[]>();
  for (const o of inTransit) if (o.driverId !== null) byDriver.set(o.driverId, [...(byDriver.get(o.driverId) ?? []), o]);
  // The second order is marked Arrived offline, so it must not have arrived already (the demo
  // sets sub-marks by the time of day).
  const notArrived = (o: OrderRow) => o.subMark !== 'arrived';
  const [driverId, orders] = [...byDriver.entries()].find(([, list]) => list.length >= 2 && list.some(notArrived)) ?? [];
  if (driverId === undefined || orders === undefined) throw new Error('the demo data has no driver with two orders on the road');
  const second = orders.find(notArrived) as OrderRow;
  const first = orders.find((o) => o !== second) as OrderRow;
  const link = await rest<{ url: string }>('/api/driver/links', dispatcher, { method: 'POST', body: { driverId } });

  const context = await browser.newContext({ ...devices['Pixel 5'], locale: 'en-US', timezoneId: 'Asia/Almaty' });
  const phone = await context.newPage();
  await phone.goto(link.url);
  const firstCard = phone.getByTestId(`task-${first.number}`);
  await expect(firstCard).toBeVisible();
  // The one-time token left the address bar at once, and the link is dead now.
  expect(phone.url()).toBe(`${PRIMARY.serverUrl}/driver`);
  const reuse = await fetch(`${PRIMARY.serverUrl}/api/driver/session`, { method: 'POST', headers: { 'x-driver-link': link.url.split('#link=')[1] ?? '' } });
  expect(reuse.status).toBe(401);
  await phone.screenshot({ path: info.outputPath('phone-tasks-en.png') });

  // Delivered with the recipient's signature.
  await firstCard.getByRole('button', { name: 'Delivered' }).click();
  await sign(phone);
  await phone.screenshot({ path: info.outputPath('phone-signature-en.png') });
  await phone.getByTestId('confirm-delivered').click();
  // The status chip, not the button of the same name (that one is there before the tap).
  await expect(firstCard.locator('.chip.status-delivered')).toBeVisible();
  // Sent and acknowledged before the dead zone starts: the pending chip goes only after the
  // server answered, and the server's timeline has the mark.
  await expect(firstCard.getByTestId('pending')).toHaveCount(0, { timeout: 20_000 });
  await expect(phone.getByTestId('queued')).toHaveCount(0);

  await expect
    .poll(async () => (await rest<{ events: Array<{ toStatus: string | null; source: string }> }>(`/api/orders/${first.number}`, dispatcher)).events.some((e) => e.source === 'driver' && e.toStatus === 'delivered'))
    .toBe(true);

  // A dead zone: the next mark waits on the phone.
  await context.setOffline(true);
  const secondCard = phone.getByTestId(`task-${second.number}`);
  await secondCard.getByRole('button', { name: 'Arrived' }).click();
  await expect(phone.getByTestId('queued')).toHaveText('1 mark waiting to be sent');
  await expect(secondCard.getByTestId('pending')).toBeVisible();
  await phone.screenshot({ path: info.outputPath('phone-offline-en.png') });
  await phone.getByRole('button', { name: 'RU' }).click();
  await expect(phone.getByTestId('queued')).toHaveText('1 отметка ждёт отправки');
  await phone.screenshot({ path: info.outputPath('phone-offline-ru.png') });

  await context.setOffline(false);
  await expect(phone.getByTestId('queued')).toHaveCount(0, { timeout: 30_000 });
  await expect(secondCard.getByText('На месте', { exact: true })).toBeVisible();
  await phone.screenshot({ path: info.outputPath('phone-tasks-ru.png') });

  // The console's timeline: each mark once, as the driver's phone.
  const timeline = async (o: OrderRow) =>
    (await rest<{ events: Array<{ kind: string; toStatus: string | null; subMark: string | null; source: string }> }>(`/api/orders/${o.number}`, dispatcher)).events.filter((e) => e.source === 'driver');
  expect((await timeline(first)).map((e) => [e.kind, e.toStatus])).toEqual([['status', 'delivered']]);
  expect((await timeline(second)).map((e) => [e.kind, e.subMark])).toEqual([['sub_mark', 'arrived']]);

  // The open one (the queue lists open orders) on the console's own card.
  await consolePage.goto('/');
  await consolePage.getByRole('textbox', { name: 'Search orders' }).or(consolePage.getByRole('searchbox', { name: 'Search orders' })).fill(second.number);
  await consolePage.getByRole('listbox', { name: 'Order queue' }).getByRole('option', { name: new RegExp(`^${second.number},`) }).click();
  const card = consolePage.getByRole('article', { name: `Order card ${second.number}` });
  await expect(card.getByText(/driver's phone/)).toHaveCount(1);
  await consolePage.screenshot({ path: info.outputPath('console-order-proof.png') });
  await context.close();
});
