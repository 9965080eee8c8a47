// @vitest-environment happy-dom
// The card rendered for real: every control has an accessible name, and a role sees only the
// actions main allows it. Elements are found by role and name, as the e2e tests do.
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { useClockStore } from '../clock/store';
import { useSettingsStore } from '../settings/store';
import { OrderCard } from './OrderCard';
import { openOrder, resetOrderCardStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;
let root: Root;
let host: HTMLElement;
let dom: DomHost;

function setup(role: 'dispatcher' | 'warehouse'): void {
  fake = createFakeApi(makeFakeWorld({ orders: 200, drivers: 10, now: NOW }), () => NOW, { role });
  installApi(fake.api);
  resetOrderCardStore();
  useSettingsStore.setState({ language: 'en' });
  useClockStore.setState({ now: NOW, skewMs: 0 });
  dom = mountHost();
  ({ host, root } = dom);
}

async function show(orderId: string): Promise<void> {
  await act(async () => {
    root.render(<OrderCard />);
    await openOrder(orderId);
  });
}

function newOrder() {
  const o = fake.world.orders.find((x) => x.status === 'new');
  if (!o) throw new Error('no new order');
  return o;
}

const buttonNames = () =>
  Array.from(host.querySelectorAll('button')).map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim());

afterEach(() => {
  dom.unmount();
});

describe('order card (rendered)', () => {
  beforeEach(() => setup('dispatcher'));

  it('shows a new order with Confirm and every button named', async () => {
    const o = newOrder();
    await show(o.id);
    expect(host.textContent).toContain(o.number);
    expect(host.textContent).toContain(o.customerName);
    const names = buttonNames();
    expect(names).toContain('Confirm');
    expect(names).toContain('Comment');
    expect(names).toContain('Close the order card');
    expect(names.every((n) => n.length > 0)).toBe(true);
    expect(host.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe('Order card');
  });

  it('ticks the countdown from the shared clock', async () => {
    const o = fake.world.orders.find((x) => x.status === 'in_transit' && x.slaDeadline !== null && x.slaDeadline > NOW + 3_600_000 && x.slaDeadline < NOW + 86_400_000);
    if (!o) throw new Error('no running order');
    await show(o.id);
    const cell = () => host.querySelector('.card-sla .sla')?.textContent;
    const before = cell();
    act(() => useClockStore.setState({ now: NOW + 1000 }));
    expect(cell()).not.toBe(before);
    expect(cell()).toMatch(/^\d+:\d\d:\d\d$/);
  });

  it('says an edit waits for the server under the buttons, so they do not move when it is acknowledged', async () => {
    const o = newOrder();
    await show(o.id);
    expect(host.querySelector('.card-pending')).toBeNull();
    expect(await fake.api.confirmOrder({ orderId: o.id })).toMatchObject({ ok: true });
    await act(async () => openOrder(o.id));
    const toolbar = host.querySelector('[role="toolbar"]');
    const notice = [...host.querySelectorAll('[role="status"]')].find((el) => el.textContent?.includes('Pending: waiting for the server'));
    if (!toolbar || !notice) throw new Error('no toolbar or no pending notice');
    // Whatever comes and goes above the buttons moves them; this notice comes after them.
    expect(toolbar.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('tracking link on the card (rendered)', () => {
  beforeEach(() => setup('dispatcher'));
  const buttonByText = (text: string) => Array.from(host.querySelectorAll('button')).find((b) => b.textContent === text);

  it('shows the link and sends it again on request: one call, the timeline line at once, a note that it was queued', async () => {
    const o = fake.world.orders.find((x) => x.status === 'in_transit');
    if (!o) throw new Error('no order on the road');
    await show(o.id);
    expect(host.querySelector('a.tracking-link')?.getAttribute('href')).toBe(`https://track.example.kz/t/fake-${o.id}`);
    const resend = buttonByText('Send to the customer again');
    expect(resend).toBeDefined();
    await act(async () => {
      resend?.click();
    });
    expect(fake.calls.filter(([m]) => m === 'sendTrackingLink')).toEqual([['sendTrackingLink', { orderId: o.id }]]);
    expect(Array.from(host.querySelectorAll('[role="status"]')).map((e) => e.textContent)).toContain('Queued for the customer; each attempt appears on the timeline.');
    expect(host.querySelector('.timeline')?.textContent).toContain('Tracking link sent again on request');
  });

  it('a new order has no link yet but can be sent one; a finished order offers no sending', async () => {
    const fresh = fake.world.orders.find((x) => x.status === 'new');
    const done = fake.world.orders.find((x) => x.status === 'delivered');
    if (!fresh || !done) throw new Error('no new or delivered order');
    await show(fresh.id);
    expect(host.querySelector('a.tracking-link')).toBeNull();
    expect(buttonByText('Send the link to the customer')).toBeDefined();
    await show(done.id);
    expect(host.querySelector('a.tracking-link')).not.toBeNull();
    expect(buttonByText('Send to the customer again')).toBeUndefined();
    expect(host.textContent).not.toContain('Queued for the customer');
  });
});

describe('order card for a warehouse user (rendered)', () => {
  beforeEach(() => setup('warehouse'));

  it('does not offer assign, cancel or comment (the shared rule: addComment is not a warehouse mutator)', async () => {
    const o = fake.world.orders.find((x) => x.status === 'confirmed');
    if (!o) throw new Error('no confirmed order');
    await show(o.id);
    const names = buttonNames();
    expect(names).toContain('Report problem');
    expect(names).not.toContain('Comment');
    expect(names.some((n) => /assign|cancel order|confirm/i.test(n))).toBe(false);
    expect(names.some((n) => /send/i.test(n))).toBe(false);
  });

  it('a new order offers the warehouse nothing to do (it must be confirmed first)', async () => {
    const o = fake.world.orders.find((x) => x.status === 'new');
    if (!o) throw new Error('no new order');
    await show(o.id);
    expect(host.querySelector('[role="toolbar"][aria-label="Order card"]')).toBeNull();
  });
});
