// An edit the server refuses later, as the console shows it: console A loses its link to the
// server (a TCP relay this spec cuts), assigns a driver offline, and meanwhile console B assigns
// another one. When A's link returns, the server refuses A's assignment; A's banner words it
// from the refusal's code in the console's language ("Assigning a driver — another dispatcher
// assigned this order first…"), never the server's English sentence, with the order's number.
// A server and two consoles of their own, so cutting the link disturbs no other spec.
import net from 'node:net';
import { expect, test } from '@playwright/test';
import type { EmbeddedServer } from '../main/start/embedded-server';
import { callHost, e2ePort, startHost, startIsolatedServer, untilSynced, type HostProcess } from './harness';

const SERVER_PORT = e2ePort(60);
const RELAY_PORT = e2ePort(63);
let server: EmbeddedServer;
let a: HostProcess;
let b: HostProcess;

/** A plain TCP relay to the server (HTTP and WebSocket alike) that can be cut and restored. */
function relay(port: number, to: number): { cut(): Promise<void>; restore(): Promise<void> } {
  const sockets = new Set<net.Socket>();
  let listener: net.Server | null = null;
  const open = () =>
    new Promise<void>((resolve) => {
      listener = net.createServer((inbound) => {
        const outbound = net.connect(to, '127.0.0.1');
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      listener.listen(port, '127.0.0.1', () => resolve());
    });
  return {
    restore: open,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (listener === null) return resolve();
        listener.close(() => resolve());
        listener = null;
      }),
  };
}
const link = relay(RELAY_PORT, SERVER_PORT);

test.beforeAll(async () => {
  server = await startIsolatedServer('refused-edit-server', SERVER_PORT);
  await link.restore();
  [a, b] = await Promise.all([
    startHost({ serverUrl: `http://127.0.0.1:${RELAY_PORT}`, token: server.tokenFor('dispatcher'), port: e2ePort(61), name: 'refused-edit-a' }),
    startHost({ serverUrl: server.url, token: server.tokenFor('dispatcher'), port: e2ePort(62), name: 'refused-edit-b' }),
  ]);
  await Promise.all([untilSynced(a.url), untilSynced(b.url)]);
});
test.afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await link.cut();
  await server?.stop();
});

test("a refused assignment is worded from its code, in English and in Russian, with the order's number", async ({ page }, info) => {
  const orders = (await callHost(a.url, 'listOrders', { status: ['confirmed'], driverId: 'none', carriedBy: 'own', limit: 20 })).rows;
  const order = orders[orders.length - 1];
  if (!order) throw new Error('no confirmed demo order');
  const drivers = (await callHost(a.url, 'listDrivers', {})).filter((d) => d.shiftState === 'on_shift');
  const [mine, theirs] = drivers;
  if (!mine || !theirs) throw new Error('two drivers on shift are needed');

  await page.goto(a.url);
  const status = page.getByRole('status', { name: /^Connection status:/ });
  await expect(status).toHaveAccessibleName('Connection status: Online');
  await link.cut();
  await expect(status).toHaveAccessibleName('Connection status: Offline', { timeout: 30_000 });
  const offline = await callHost(a.url, 'assignDriver', { orderId: order.id, driverId: mine.id, seenVersion: order.version });
  expect(offline, JSON.stringify(offline)).toMatchObject({ ok: true });
  const online = await callHost(b.url, 'assignDriver', { orderId: order.id, driverId: theirs.id, seenVersion: order.version });
  expect(online, JSON.stringify(online)).toMatchObject({ ok: true });
  await untilSynced(b.url);
  await link.restore();

  const banner = page.locator('.banner-conflict');
  await expect(banner).toContainText('Assigning a driver — another dispatcher assigned this order first; open it to see to whom', { timeout: 60_000 });
  await expect(banner).toContainText('Rejected edits');
  await expect(banner.getByRole('button', { name: order.number })).toBeVisible();
  // The server's sentence names the driver and the dispatcher in English: it stays in the log.
  await expect(banner).not.toContainText(' was assigned to ');
  await page.screenshot({ path: info.outputPath('refused-edit-en.png') });

  await callHost(a.url, 'setSettings', { language: 'ru' });
  await page.reload();
  await expect(banner).toContainText('Назначение водителя — заказ уже назначил другой диспетчер; откройте его, чтобы увидеть кому');
  await expect(banner).toContainText('Отклонённые изменения');
  await page.screenshot({ path: info.outputPath('refused-edit-ru.png') });

  // The order number opens the card, which shows who won.
  await banner.getByRole('button', { name: order.number }).click();
  await expect(page.getByRole('article').filter({ hasText: order.number }).first()).toContainText(theirs.name);
  await callHost(a.url, 'setSettings', { language: 'en' });
});
