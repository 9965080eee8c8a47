// The driver card in the browser host (issue 13 item 11): a driver's phone sends fixes to the
// server's OsmAnd port, the dispatcher opens the driver from the Drivers panel, loads the last
// two hours' track (drawn on the map), moves the replay slider and sees the marker's time
// change; a reversed custom period is refused in words; with the server gone the card says so
// and still shows what the replica knows. In English and Russian, with screenshots. A server
// and console of its own, so stopping the server disturbs no other spec.
import { expect, test, type Page } from '@playwright/test';
import type { DriverListRow } from '../shared/api/drivers-api';
import { callHost } from './harness';
import { ownServerWithConsoles } from './spec-consoles';

const M_PER_DEG_LAT = 111_195.08;
// The setup seeds a second demo server and starts a console on it while the primary one seeds
// too (three processes on a shared 2-core machine): it alone took 100-130 s here.
test.describe.configure({ timeout: 240_000 });
const { dispatcher: host, server } = ownServerWithConsoles('driver-card', 20, ['dispatcher']);

/** The driver's phone: a fix a second, 40 m further north each time, as Traccar Client sends them. */
async function driveNorth(driver: DriverListRow, fixes: number): Promise<void> {
  if (server().gpsPort === null) throw new Error('the server has no GPS port');
  const lat0 = driver.lat ?? 43.24;
  const lon = driver.lon ?? 76.89;
  for (let i = 1; i <= fixes; i++) {
    const q = new URLSearchParams({ id: `sim-${driver.id}`, timestamp: String(Date.now()), lat: String(lat0 + (i * 40) / M_PER_DEG_LAT), lon: String(lon), accuracy: '0', batt: '64' });
    const res = await fetch(`http://127.0.0.1:${server().gpsPort}/?${q.toString()}`, { method: 'POST' });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
  }
}

async function firstDriverInPanel(page: Page, openLabel: RegExp): Promise<{ name: string; button: ReturnType<Page['getByRole']> }> {
  const button = page.getByRole('button', { name: openLabel }).first();
  await expect(button).toBeVisible();
  const label = (await button.getAttribute('aria-label')) ?? '';
  return { name: label.replace(openLabel, ''), button };
}

test('open a driver, load the track, replay it; wrong period and a dead server are said in words', async ({ page }, info) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Drivers' }).click();
  const { name, button } = await firstDriverInPanel(page, /^Open the driver card: /);
  const drivers = await callHost(host.url, 'listDrivers', {});
  const driver = drivers.find((d) => d.name === name);
  if (!driver) throw new Error(`no driver named ${name}`);
  await driveNorth(driver, 10);

  await button.click();
  const card = page.getByRole('article', { name: `Driver card ${name}` });
  await expect(card).toBeVisible();
  await expect(card.locator('a[href^="tel:+"]')).toHaveText(/^\+7 \d{3} \d{3} \d{2} \d{2}$/);
  await expect(card.getByTestId('driver-fix-age')).toHaveText(/ago|just now/);

  await card.getByRole('radio', { name: 'Last 2 hours' }).check();
  await card.getByRole('button', { name: 'Show the track' }).click();
  await expect(card.getByTestId('track-summary')).toContainText(/\d+ fixes/);
  const time = card.getByTestId('replay-time');
  const start = await time.textContent();
  const mapTime = page.locator('.map-replay-tooltip');
  await expect(mapTime).toHaveText(start ?? '');
  const slider = card.getByRole('slider', { name: 'Replay position' });
  const max = Number(await slider.getAttribute('max'));
  await slider.fill(String(max));
  await expect(time).not.toHaveText(start ?? '');
  await expect(mapTime).toHaveText((await time.textContent()) ?? '');
  await page.screenshot({ path: info.outputPath('driver-card-en.png') });

  // Play from the start at 10x: the time moves on by itself.
  await slider.fill(await slider.getAttribute('min') ?? '0');
  await card.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  const before = await time.textContent();
  await card.getByRole('button', { name: 'Play' }).click();
  await expect(time).not.toHaveText(before ?? '');

  // From after to: refused in words, nothing asked.
  await card.getByRole('radio', { name: 'From – to' }).check();
  await card.getByRole('textbox', { name: 'From: day' }).fill('02.01.2030');
  await card.getByRole('button', { name: 'Show the track' }).click();
  await expect(card.getByTestId('track-error')).toContainText(/starts after it ends|a day ahead/);

  // Russian.
  await callHost(host.url, 'setSettings', { language: 'ru' });
  await page.reload();
  await page.getByRole('tab', { name: 'Водители' }).click();
  await page.getByRole('button', { name: `Открыть карточку водителя: ${name}` }).click();
  const cardRu = page.getByRole('article', { name: `Карточка водителя ${name}` });
  await expect(cardRu).toBeVisible();
  await cardRu.getByRole('radio', { name: 'Последние 2 часа' }).check();
  await cardRu.getByRole('button', { name: 'Показать трек' }).click();
  await expect(cardRu.getByTestId('track-summary')).toContainText(/\d+ точ/);
  const sliderRu = cardRu.getByRole('slider', { name: 'Позиция воспроизведения' });
  await sliderRu.fill(String(Math.round((Number(await sliderRu.getAttribute('min')) + Number(await sliderRu.getAttribute('max'))) / 2000) * 1000));
  await page.screenshot({ path: info.outputPath('driver-card-ru.png') });

  // The server goes away: the track cannot come, the card says so and keeps what it knows.
  await callHost(host.url, 'setSettings', { language: 'en' });
  await server().stop({ kill: true });
  await page.reload();
  await page.getByRole('tab', { name: 'Drivers' }).click();
  await page.getByRole('button', { name: `Open the driver card: ${name}` }).click();
  const cardOff = page.getByRole('article', { name: `Driver card ${name}` });
  await cardOff.getByRole('button', { name: 'Show the track' }).click();
  await expect(cardOff.getByTestId('track-error')).toContainText("The server can't be reached", { timeout: 30_000 });
  await expect(cardOff.locator('a[href^="tel:+"]')).toBeVisible();
  await page.screenshot({ path: info.outputPath('driver-card-server-down.png') });
});
