// The customer's tracking page /t/<token> at phone size (issue 15): Chromium's mobile emulation
// (390x844, scale 2, touch) in Russian, Kazakh and English against a real server started here
// (port 0) whose map tiles point at a closed port, so the page must work with no tiles. It
// checks no sideways scrolling, status, steps, the predicted arrival, the driver's first name
// and no phone number anywhere in the DOM; the live position moving without a reload while in
// transit and gone after delivery; and the customer's "don't send me messages" button.
// Screenshots in test-results/ (looked at by hand).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ORDER_ARGS } from '../shared/testing/fake-world';
import type { MutationActor } from '../shared/mutators';
import type { OrderRow } from '../shared/schema';
import { attachMessages } from '../server/messages/attach-messages';
import { startTestServer, type TestServer } from '../server/testing/test-server';

const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };
const warehouse: MutationActor = { id: 'u-warehouse', name: 'Storekeeper Nurlan', actor: 'warehouse', role: 'warehouse' };
const driver: MutationActor = { id: 'drv', name: 'Driver', actor: 'driver', role: null };
const DRIVER_PHONE = '+77059998877';
/** Nothing listens on port 9 here: every tile request fails at once. */
const DEAD_TILES = 'http://127.0.0.1:9/{z}/{x}/{y}.png';

let ts: TestServer;

function mutate(actor: MutationActor, name: string, args: unknown): void {
  const o = ts.server.runMutation(name, args, actor, Date.now());
  if (o.result !== 'applied') throw new Error(`${name}: ${JSON.stringify(o)}`);
}
const order = (n: string): OrderRow => {
  const o = ts.server.engine.newTx().findOrderByNumber(n);
  if (o === undefined) throw new Error(`no order ${n}`);
  return o;
};
function moveDriver(lat: number, lon: number): void {
  ts.server.engine.writeRows((tx) => {
    const d = tx.get('drivers', 'd1');
    if (d === undefined) throw new Error('no driver d1');
    tx.put('drivers', { ...d, name: 'Ерлан Садыков', phone: DRIVER_PHONE, lat, lon, fixAt: Date.now(), speedKmh: 30 });
  });
}

/** An order of this run on the road with driver d1, 3 km from its door; its tracking token. */
function orderInTransit(number: string): { id: string; token: string } {
  mutate(dispatcher, 'createOrder', { ...ORDER_ARGS, number, customerEmail: 'secret@customer.kz' });
  const id = order(number).id;
  mutate(dispatcher, 'confirmOrder', { orderId: id });
  mutate(dispatcher, 'assignDriver', { orderId: id, driverId: 'd1', seenVersion: order(number).version });
  mutate(warehouse, 'markPicked', { orderId: id, source: 'scan' });
  mutate(dispatcher, 'setStatus', { orderId: id, to: 'in_transit' });
  const link = ts.server.engine.newTx().get('tracking_links', id);
  if (link === undefined) throw new Error('no tracking link');
  return { id, token: link.token };
}

test.beforeAll(async () => {
  ts = await startTestServer({});
  attachMessages(ts.server, {
    config: { publicUrl: ts.server.url, sms: null, smtp: null, telegram: null },
    senderIntervalMs: 3_600_000,
    watchIntervalMs: 3_600_000,
    tileUrl: DEAD_TILES,
  });
  moveDriver(ORDER_ARGS.deliveryLat + 0.027, ORDER_ARGS.deliveryLon);
});
test.afterAll(async () => {
  await ts?.stop();
});

async function phone(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: 'Asia/Almaty',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
  });
  return context.newPage();
}

async function noSidewaysScroll(page: Page): Promise<void> {
  // Strings run in the page (the spec's own TypeScript has no DOM types).
  const scroll = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  const inner = (await page.evaluate('window.innerWidth')) as number;
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** No phone number, surname or e-mail anywhere in what the page holds (markup, scripts, state). */
async function nothingPrivate(page: Page): Promise<void> {
  const dom = (await page.evaluate('document.documentElement.outerHTML')) as string;
  for (const secret of [DRIVER_PHONE, '7059998877', '77011112233', '701 111 22 33', 'Садыков', 'secret@customer.kz', ORDER_ARGS.customerName, ORDER_ARGS.deliveryAddress]) {
    expect(dom).not.toContain(secret);
  }
  const text = (await page.evaluate('document.body.innerText')) as string;
  expect(text).not.toMatch(/\+?\d[\d\s()-]{8,}\d/);
}

const WORDS = {
  ru: { locale: 'ru-RU', title: 'Отслеживание заказа', status: 'В пути', eta: 'Ожидаемое прибытие', courier: 'Курьер: Ерлан', away: '3,0 км до вас', optOut: 'Не присылать сообщения' },
  kk: { locale: 'kk-KZ', title: 'Тапсырысты бақылау', status: 'Жолда', eta: 'Күтілетін келу уақыты', courier: 'Курьер: Ерлан', away: 'сізге дейін 3,0 км', optOut: 'Хабарлама жібермеңіз' },
  en: { locale: 'en-GB', title: 'Order tracking', status: 'On the way', eta: 'Expected arrival', courier: 'Courier: Ерлан', away: '3.0 km away', optOut: "Don't send me messages" },
} as const;

for (const lang of ['ru', 'kk', 'en'] as const) {
  test(`at phone size in ${lang}: status, steps, arrival, the courier's first name, the map without tiles, no phone numbers`, async ({ browser }, info) => {
    const w = WORDS[lang];
    const { token } = orderInTransit(`MR-PH-${lang.toUpperCase()}`);
    const page = await phone(browser, w.locale);
    const tileRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith('http://127.0.0.1:9/')) tileRequests.push(r.url());
    });
    const res = await page.goto(`${ts.server.url}/t/${token}?lang=${lang}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: w.title })).toBeVisible();
    await expect(page.locator('#status')).toHaveText(w.status);
    await expect(page.locator('#eta-card')).toContainText(w.eta);
    await expect(page.locator('#eta')).toHaveText(/^\d\d:\d\d$/);
    await expect(page.locator('#driver')).toContainText(w.courier);
    await expect(page.locator('#driver')).toContainText(w.away);
    // Confirmed, packed, on the way: a step each, with its time.
    await expect(page.locator('#steps li')).toHaveCount(3);
    await expect(page.locator('#steps li').last()).toContainText(w.status);
    // The map shows the courier and the door on grey: the tiles were asked for and all failed.
    await expect(page.locator('#map')).toBeVisible();
    await expect(page.locator('#map .drv')).toBeVisible();
    await expect(page.locator('#map .dst')).toBeVisible();
    await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: w.optOut })).toBeVisible();
    await noSidewaysScroll(page);
    await nothingPrivate(page);
    await page.screenshot({ path: info.outputPath(`tracking-${lang}.png`), fullPage: true });
    await page.context().close();
  });
}

test('the position moves without a reload while in transit and is gone after delivery; the customer opts out', async ({ browser }, info) => {
  test.setTimeout(90_000);
  const { id, token } = orderInTransit('MR-PH-LIVE');
  moveDriver(ORDER_ARGS.deliveryLat + 0.027, ORDER_ARGS.deliveryLon);
  const page = await phone(browser, 'ru-RU');
  await page.goto(`${ts.server.url}/t/${token}`);
  // The page marks itself so a reload would show (a reload makes a new document without the mark).
  await page.evaluate('window.notReloaded = true');
  const away = page.locator('#driver');
  await expect(away).toContainText('3,0 км до вас');
  const before = await page.locator('#map .drv').boundingBox();
  // The driver comes 2 km closer; the page's next poll (every 10 s) moves the marker.
  moveDriver(ORDER_ARGS.deliveryLat + 0.009, ORDER_ARGS.deliveryLon);
  await expect(away).toContainText('1,0 км до вас', { timeout: 25_000 });
  const after = await page.locator('#map .drv').boundingBox();
  expect(after?.y).not.toBe(before?.y);
  expect(await page.evaluate('window.notReloaded')).toBe(true);
  await noSidewaysScroll(page);
  await page.screenshot({ path: info.outputPath('tracking-live-ru.png'), fullPage: true });

  // "Don't send me messages": the token goes in a header, the page says it is done.
  const optOut = page.waitForRequest((r) => r.url().endsWith('/t-api/opt-out'));
  await page.getByRole('button', { name: 'Не присылать сообщения' }).tap();
  const sent = await optOut;
  expect(sent.url()).not.toContain(token);
  expect(sent.headers()['x-tracking-token']).toBe(token);
  await expect(page.locator('#optout-msg')).toContainText('Готово');
  await expect(page.getByRole('button', { name: 'Не присылать сообщения' })).toBeHidden();
  expect(ts.server.engine.newTx().get('customer_prefs', `order:${id}`)?.optOut).toBe(true);

  // Delivered: the next poll takes the map and the position away.
  mutate(driver, 'setStatus', { orderId: id, to: 'delivered', source: 'manual' });
  await expect(page.locator('#status')).toHaveText('Доставлен', { timeout: 25_000 });
  await expect(page.locator('#map')).toBeHidden();
  await expect(page.locator('#map .drv')).toHaveCount(0);
  await expect(page.locator('#band')).toHaveText('Заказ доставлен');
  await expect(page.locator('#eta-label')).toBeHidden();
  expect(await page.evaluate('window.notReloaded')).toBe(true);
  await nothingPrivate(page);
  await noSidewaysScroll(page);
  await page.screenshot({ path: info.outputPath('tracking-delivered-ru.png'), fullPage: true });
  await page.context().close();
});
