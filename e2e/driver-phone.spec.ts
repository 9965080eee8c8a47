// The driver's phone page (issue 18) in Chromium's mobile emulation against the primary demo
// server: sign in by a one-time link, mark an order delivered with a signature, go offline,
// mark another, come back, and see both marks on the console's timeline exactly once.
// Screenshots at phone size in English and Russian land in test-results/: the task list, both
// sheets (delivered with its proofs, problem), and the console card's proof-of-delivery section.
import { devices, expect, test, type Locator, type Page } from '@playwright/test';
import { callHost, PRIMARY, primaryTokens, tokenFor } from './harness';
import { searchQueue } from './queue-search';

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

/** Nothing on the phone page is wider than the phone (a sheet or a button running off the side). */
async function fitsWidth(page: Page): Promise<void> {
  // A string, as e2e/ type-checks without the DOM library.
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
}

/** Opens a sheet with `button`, checks it fits the phone, keeps a screenshot at `shot`, and cancels it (no mark). */
async function lookAtSheet(phone: Page, button: Locator, sheet: { title: string; cancel: string }, shot: string): Promise<void> {
  await button.click();
  await expect(phone.getByRole('dialog', { name: sheet.title })).toBeVisible();
  await fitsWidth(phone);
  await phone.screenshot({ path: shot });
  await phone.getByRole('dialog').getByRole('button', { name: sheet.cancel }).click();
}

interface TimelineEvent {
  kind: string;
  toStatus: string | null;
  subMark: string | null;
  source: string;
}

/** The order's timeline on the server, only what the driver's phone wrote. */
async function driverEvents(number: string, token: string): Promise<TimelineEvent[]> {
  return (await rest<{ events: TimelineEvent[] }>(`/api/orders/${number}`, token)).events.filter((e) => e.source === 'driver');
}

/** Finds the order by its number in the console's queue and opens its card. */
async function openOnConsole(page: Page, number: string): Promise<void> {
  const queue = await searchQueue(page, number);
  await queue.getByRole('option', { name: new RegExp(`^${number},`) }).click();
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
  // The customer's phone in the one phone format, not as stored; the language switch side by side.
  await expect(firstCard.getByRole('link', { name: /^Call \+7 \d{3} \d{3} \d{2} \d{2}$/ })).toBeVisible();
  const [ru, en] = [await phone.getByRole('button', { name: 'RU', exact: true }).boundingBox(), await phone.getByRole('button', { name: 'EN', exact: true }).boundingBox()];
  expect(Math.abs((ru?.y ?? 0) - (en?.y ?? 1))).toBeLessThan(2);

  // The problem sheet, looked at and closed.
  await lookAtSheet(phone, firstCard.getByRole('button', { name: 'Problem' }), { title: 'What went wrong?', cancel: 'Cancel' }, info.outputPath('phone-problem-sheet-en.png'));

  // Delivered with the recipient's signature.
  await firstCard.getByRole('button', { name: 'Delivered' }).click();
  await sign(phone);
  await fitsWidth(phone);
  await phone.screenshot({ path: info.outputPath('phone-signature-en.png') });
  await phone.getByTestId('confirm-delivered').click();
  // The status chip, not the button of the same name (that one is there before the tap).
  await expect(firstCard.locator('.chip.status-delivered')).toBeVisible();
  // Sent and acknowledged before the dead zone starts: the pending chip goes only after the
  // server answered, and the server's timeline has the mark.
  await expect(firstCard.getByTestId('pending')).toHaveCount(0, { timeout: 20_000 });
  await expect(phone.getByTestId('queued')).toHaveCount(0);

  await expect.poll(async () => (await driverEvents(first.number, dispatcher)).some((e) => e.toStatus === 'delivered')).toBe(true);

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
  // Both sheets in Russian, on the order still on the road; closed without a mark.
  await lookAtSheet(phone, secondCard.getByRole('button', { name: 'Доставлен' }), { title: 'Подтверждение доставки', cancel: 'Отмена' }, info.outputPath('phone-delivery-sheet-ru.png'));
  await lookAtSheet(phone, secondCard.getByRole('button', { name: 'Проблема' }), { title: 'Что случилось?', cancel: 'Отмена' }, info.outputPath('phone-problem-sheet-ru.png'));

  // The console's timeline: each mark once, as the driver's phone.
  expect((await driverEvents(first.number, dispatcher)).map((e) => [e.kind, e.toStatus])).toEqual([['status', 'delivered']]);
  expect((await driverEvents(second.number, dispatcher)).map((e) => [e.kind, e.subMark])).toEqual([['sub_mark', 'arrived']]);

  // The open one (the queue lists open orders) on the console's own card.
  await consolePage.goto('/');
  await openOnConsole(consolePage, second.number);
  const card = consolePage.getByRole('article', { name: `Order card ${second.number}` });
  await expect(card.getByText(/driver's phone/)).toHaveCount(1);
  await consolePage.screenshot({ path: info.outputPath('console-order-proof.png') });

  // The delivered one's card (all statuses in the queue): its proof section with the signature.
  await consolePage.getByRole('combobox', { name: 'Status' }).selectOption('all');
  await openOnConsole(consolePage, first.number);
  const proofs = consolePage.getByTestId('proof-section');
  await proofs.scrollIntoViewIfNeeded();
  await expect(proofs.getByRole('img', { name: 'Signature' })).toBeVisible();
  await proofs.screenshot({ path: info.outputPath('console-proof-section-en.png') });
  try {
    await consolePage.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'RU' }).click();
    await expect(proofs.getByRole('heading', { name: 'Подтверждение доставки' })).toBeVisible();
    await expect(proofs.getByRole('img', { name: 'Подпись' })).toBeVisible();
    await proofs.scrollIntoViewIfNeeded();
    await proofs.screenshot({ path: info.outputPath('console-proof-section-ru.png') });
  } finally {
    await callHost(PRIMARY.url, 'setSettings', { language: 'en' });
  }
  await context.close();
});
