// The supervisor's day: the escalations the server raised for them (supervisor warnings and
// breaches, the priority queue), acknowledged from the Alerts screen; the acknowledgement
// reaches the server and every other console.
import { expect, test } from '@playwright/test';
import { callHost, eventually, PRIMARY } from './harness';
import { consoleOnPrimary } from './spec-consoles';

const supervisor = consoleOnPrimary('supervisor', 8, 'u-supervisor-1');

test('a supervisor sees escalations in the priority queue and acknowledges one', async ({ page }, info) => {
  // The demo data has breached orders: the server escalated them to the supervisor.
  const escalated = await eventually(async () => {
    const list = await callHost(supervisor.url, 'listAlerts', { state: 'open', priority: true, limit: 50 });
    return list.items.find((a) => a.kind === 'sla_breach' && a.audience === 'supervisor');
  }, 60_000);

  await page.goto(supervisor.url);
  await expect(page.getByLabel('Role: Supervisor')).toBeVisible();
  await page.getByRole('tab', { name: /^Alerts/ }).click();
  const filters = page.getByRole('group', { name: 'Which alerts' });
  await filters.getByRole('button', { name: /^Priority queue/ }).click();
  await expect(filters.getByRole('button', { name: /^Priority queue/ })).toHaveAttribute('aria-pressed', 'true');
  const list = page.getByRole('list', { name: 'SLA alerts' });
  const ack = list.getByRole('button', { name: `Acknowledge the alert about order ${escalated.orderNumber}: SLA breached` });
  await expect(ack).toBeVisible();
  // A breach comes with the supervisor's task.
  const item = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Acknowledge the alert about order ${escalated.orderNumber}: SLA breached` }) });
  await item.getByRole('button', { name: /^Show tasks/ }).click();
  await expect(item).toContainText('Supervisor task');
  await page.screenshot({ path: info.outputPath('supervisor-priority-queue.png') });

  await ack.click();
  await expect(ack).toHaveCount(0);
  // Recorded on the server as this supervisor's acknowledgement; the dispatcher's console sees it.
  const seen = await eventually(async () => {
    const all = await callHost(PRIMARY.url, 'listAlerts', { state: 'active', limit: 2000 });
    const row = all.items.find((a) => a.id === escalated.id);
    return row?.state === 'acknowledged' ? row : undefined;
  }, 30_000);
  expect(seen.acknowledgedByName).toBe('Гульнара Омарова');
});
