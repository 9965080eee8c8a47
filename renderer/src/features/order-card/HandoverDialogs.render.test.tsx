// @vitest-environment happy-dom
// Handing an order over from the card, rendered for real (issue 16): the carrier search filled
// from the order, a carrier whose security check has not passed refused to a dispatcher and
// taken with a supervisor's reason, the card showing the carrier, taking it back with a reason,
// and a courier service whose API makes the number. Elements are found by role and name.
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useClockStore } from '../clock/store';
import { useSessionStore } from '../session/store';
import { useSettingsStore } from '../settings/store';
import { OrderCard } from './OrderCard';
import { resetCourierNamesStore } from './courier-names-store';
import { openOrder, resetOrderCardStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;
let root: Root;
let host: HTMLElement;
let dom: DomHost;

async function setup(role: 'dispatcher' | 'supervisor', lang: 'en' | 'ru' = 'en'): Promise<string> {
  fake = createFakeApi(makeFakeWorld({ orders: 60, drivers: 5, now: NOW }), () => NOW, { role });
  installApi(fake.api);
  resetOrderCardStore();
  resetCourierNamesStore();
  useSettingsStore.setState({ language: lang });
  useClockStore.setState({ now: NOW, skewMs: 0 });
  useSessionStore.setState({ session: await fake.api.session() });
  dom = mountHost();
  ({ host, root } = dom);
  const o = fake.world.orders.find((x) => x.status === 'confirmed' && x.driverId === null && x.carrierId === null && x.courierProvider === null);
  if (!o) throw new Error('no confirmed order without a driver');
  await act(async () => {
    root.render(<OrderCard />);
    await openOrder(o.id, { focusOnMap: false });
  });
  return o.id;
}

afterEach(() => dom.unmount());

const button = (name: string): HTMLButtonElement => {
  const b = Array.from(host.querySelectorAll('button')).find((x) => (x.getAttribute('aria-label') ?? x.textContent ?? '').trim() === name);
  if (!b) throw new Error(`no button "${name}" among ${Array.from(host.querySelectorAll('button')).map((x) => x.getAttribute('aria-label') ?? x.textContent).join(', ')}`);
  return b;
};
const click = async (name: string) => {
  await act(async () => {
    button(name).click();
    await new Promise((r) => setTimeout(r, 0));
  });
};
const field = (label: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement => {
  const l = Array.from(host.querySelectorAll('label')).find((x) => x.querySelector('span')?.textContent === label);
  const el = l?.querySelector('input, textarea, select');
  if (!el) throw new Error(`no field "${label}"`);
  return el as HTMLInputElement;
};
const type = (label: string, text: string) =>
  act(() => {
    const el = field(label);
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, text);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
const dialog = () => host.querySelector('[role="dialog"]');
const calls = (m: string) => fake.calls.filter(([name]) => name === m).map(([, a]) => a);

describe('find a carrier from the card', () => {
  it('searches from the order, refuses an unchecked carrier to a dispatcher, hands to a checked one, shows it, and takes it back with a reason', async () => {
    const orderId = await setup('dispatcher');
    const order = fake.world.orders.find((o) => o.id === orderId)!;
    await click('Find a carrier');
    expect(calls('searchCarriers')).toEqual([expect.objectContaining({ toCity: order.deliveryCity, limit: 10 })]);
    expect(host.querySelector('[data-testid="carrier-search-filters"]')?.textContent).toContain(`→ ${order.deliveryCity}`);
    expect(dialog()?.textContent).toContain('ТОО Жол Транс');
    expect(button('Choose ТОО Быстрый Груз').disabled).toBe(true); // blacklisted

    await click('Choose ИП Сейтказиев');
    expect(host.querySelector('[data-testid="security-check"]')?.textContent).toContain('only a supervisor can choose it');
    await click('Hand over');
    expect(calls('handToCarrier')).toEqual([]);
    await click('Back');

    await click('Choose ТОО Жол Транс');
    type('Agreed rate, ₸', '');
    await click('Hand over');
    expect(dialog()?.textContent).toContain('Rate: a positive number');
    type('Agreed rate, ₸', '175 000');
    await click('Hand over');
    expect(calls('handToCarrier')).toEqual([expect.objectContaining({ orderId, carrierId: 'c-1', vehicleId: 'c-1-v1', rate: 175_000, contact: 'Ербол +7 701 555 12 34' })]);
    const deal = calls('handToCarrier')[0] as { loadingAt: number };
    expect(deal.loadingAt).toBeGreaterThan(NOW);
    expect(dialog()).toBeNull();
    expect(host.querySelector('[data-testid="carried-by"]')?.textContent).toContain('ТОО Жол Транс');
    expect(host.querySelector('[data-testid="carried-by"]')?.textContent).toContain('+7 701 555 12 34');
    expect(host.querySelector('.timeline')?.textContent).toContain('Handed to the carrier ТОО Жол Транс');

    await click('Take back to own fleet');
    expect(button('Take back').disabled).toBe(true);
    type('Why the order moves (required, shown on the timeline)', 'Машина не пришла');
    await click('Take back');
    expect(calls('handToOwnFleet')).toEqual([{ orderId, reason: 'Машина не пришла' }]);
    expect(host.querySelector('[data-testid="carried-by"]')).toBeNull();
    expect(host.textContent).toContain('Driver');
  });

  it("lets a supervisor choose an unchecked carrier only with the override's reason", async () => {
    const orderId = await setup('supervisor');
    await click('Find a carrier');
    await click('Choose ИП Сейтказиев');
    expect(host.querySelector('[data-testid="security-check"]')?.textContent).toContain('give the reason');
    type('Agreed rate, ₸', '200000');
    await click('Hand over');
    expect(dialog()?.textContent).toContain('Say why the check is overridden');
    expect(calls('handToCarrier')).toEqual([]);
    type('Why choose it without a passed security check (required)', 'Проверка в работе, груз срочный');
    await click('Hand over');
    expect(calls('handToCarrier')).toEqual([expect.objectContaining({ orderId, carrierId: 'c-2', overrideReason: 'Проверка в работе, груз срочный' })]);
    expect(host.querySelector('[data-testid="carried-by"]')?.textContent).toContain('Security check not done');
  });

  it('speaks Russian', async () => {
    await setup('dispatcher', 'ru');
    await click('Найти перевозчика');
    expect(dialog()?.textContent).toContain('Проверка СБ пройдена');
    await click('Выбрать ТОО Жол Транс');
    expect(dialog()?.textContent).toContain('Согласованная ставка, ₸');
  });
});

describe('hand to a courier service from the card', () => {
  it("asks the service's API for the number when none is typed, and the card says it is awaited", async () => {
    const orderId = await setup('dispatcher');
    await click('Hand to a courier service');
    expect((field('Courier service') as HTMLSelectElement).value).toBe('cdek');
    await click('Hand over');
    expect(calls('handToCourier')).toEqual([{ orderId, provider: 'cdek', trackingNumber: null }]);
    expect(host.querySelector('[data-testid="carried-by"]')?.textContent).toContain('CDEK');
    expect(host.querySelector('[data-testid="carried-by"]')?.textContent).toContain('waiting for the tracking number');
  });

  it('needs a number for a service without an API, and refuses one that is not a number', async () => {
    const orderId = await setup('dispatcher');
    await click('Hand to a courier service');
    type('Courier service', 'generic');
    expect(button('Hand over').disabled).toBe(true);
    type("The service's tracking number", 'AB 12');
    expect(button('Hand over').disabled).toBe(true);
    type("The service's tracking number", 'AB-12345');
    await click('Hand over');
    expect(calls('handToCourier')).toEqual([{ orderId, provider: 'generic', trackingNumber: 'AB-12345' }]);
    expect(host.querySelector('[data-testid="carried-by"]')?.textContent).toContain('tracking number AB-12345');
  });
});
