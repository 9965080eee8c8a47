// @vitest-environment happy-dom
// The Alerts tab as a logistician sees it (issue 16's gap), rendered: titled for their carriers,
// only the Active and Resolved filters, a line saying what is listed, and Acknowledge only on the
// alerts that are theirs (shared/alerts/alert-recipient.ts), which calls the API with that id; in
// Russian and English. A dispatcher's tab is unchanged.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertList, AlertView } from '../../../../shared/api/alerts-api';
import type { MarshrutApi } from '../../../../shared/api/contract';
import type { SessionView } from '../../../../shared/api/session-api';
import type { UserRole } from '../../../../shared/domain/vocabulary';
import { installApi } from '../../api/client';
import { testAlertView } from '../../testing/alert-view';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useClockStore } from '../clock/store';
import { useSessionStore } from '../session/store';
import { useSettingsStore } from '../settings/store';
import AlertsScreen from './screen';
import { useAlertsStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.parse('2026-03-03T12:10:00+05:00');
let dom: DomHost;
let acked: string[];
let listed: unknown[];

function alert(id: string, kind: AlertView['kind'], assigneeId: string, number: string): AlertView {
  return testAlertView({
    id,
    kind,
    orderId: `o-${number}`,
    orderNumber: number,
    assigneeId,
    assigneeName: assigneeId === 'u-l' ? 'Logistician Dana' : 'Dispatcher Aigerim',
    mine: assigneeId === 'u-l',
    messageRu: `Заказ ${number}: погрузка у перевозчика ТОО Жол Транс в 14:00.`,
    messageEn: `Order ${number}: carrier ТОО Жол Транс loads at 14:00.`,
    dueAt: NOW + 2 * 3_600_000,
    triggeredAt: NOW - 10 * 60_000,
  });
}

// What main lists is decided there (main/db/queries/alerts-queries.ts); the dispatcher's alert
// is here to show the screen offers Acknowledge only where the rule allows it.
const items = [alert('al:mine', 'carrier_loading', 'u-l', 'FR-1'), alert('al:other', 'carrier_call', 'u-d', 'FR-2')];
const list: AlertList = { items, counts: { open: 2, openMine: 1, priority: 0, acknowledged: 0 } };

beforeEach(() => {
  acked = [];
  listed = [];
  installApi({
    listAlerts: async (a: unknown) => {
      listed.push(a);
      return list;
    },
    alertCounts: async () => list.counts,
    acknowledgeAlert: async (a: { alertId: string }) => {
      acked.push(a.alertId);
      return { ok: true };
    },
  } as unknown as MarshrutApi);
  useClockStore.setState({ now: NOW, skewMs: 0 });
  useAlertsStore.setState({ filter: 'active', list: null, counts: null, error: null });
  dom = mountHost();
});
afterEach(() => dom.unmount());

async function show(lang: 'ru' | 'en', role: UserRole, id: string): Promise<HTMLElement> {
  useSettingsStore.setState({ language: lang });
  useSessionStore.setState({ session: { user: { id, name: id, role, warehouseId: null } } as unknown as SessionView, error: null });
  await act(async () => dom.root.render(<AlertsScreen />));
  await act(async () => {
    await Promise.resolve();
  });
  return dom.host;
}

const texts = (host: HTMLElement, selector: string) => [...host.querySelectorAll(selector)].map((e) => e.textContent);
const ackButtons = (host: HTMLElement) => [...host.querySelectorAll<HTMLButtonElement>('.alert-actions button')].map((b) => b.getAttribute('aria-label'));

describe('the Alerts tab for a logistician', () => {
  it('in Russian: their carriers, two filters, and Acknowledge only on their own alert', async () => {
    const host = await show('ru', 'logistician', 'u-l');
    expect(host.querySelector('h1')?.textContent).toBe('Мои перевозчики');
    expect(host.querySelector('.hint')?.textContent).toBe('Напоминания по заказам, которые вы передали перевозчикам: погрузка и звонки в пути.');
    expect(texts(host, '.alerts-filters button')).toEqual(['Активные2', 'Закрытые']);
    expect(texts(host, '.alert-kind')).toEqual(['Погрузка у перевозчика', 'Прозвон перевозчика']);
    expect(ackButtons(host)).toEqual(['Принять оповещение по заказу FR-1: Погрузка у перевозчика']);
    await act(async () => host.querySelector<HTMLButtonElement>('.alert-actions button')?.click());
    expect(acked).toEqual(['al:mine']);
  });

  it('in English the same', async () => {
    const host = await show('en', 'logistician', 'u-l');
    expect(host.querySelector('h1')?.textContent).toBe('My carriers');
    expect(host.querySelector('.hint')?.textContent).toBe('Reminders about the orders you handed to carriers: the loading and the calls while on the road.');
    expect(texts(host, '.alerts-filters button')).toEqual(['Active2', 'Resolved']);
    expect(ackButtons(host)).toEqual(['Acknowledge the alert about order FR-1: Carrier loading']);
    expect(listed).toEqual([{ state: 'active' }]);
  });
});

describe('the Alerts tab for a dispatcher (unchanged)', () => {
  it('keeps its title, all four filters, no carriers line, and may acknowledge every alert', async () => {
    const host = await show('en', 'dispatcher', 'u-d');
    expect(host.querySelector('h1')?.textContent).toBe('SLA alerts');
    expect(host.querySelector('.hint')).toBeNull();
    expect(texts(host, '.alerts-filters button')).toEqual(['Active2', 'Mine1', 'Priority queue', 'Resolved']);
    expect(ackButtons(host)).toEqual(['Acknowledge the alert about order FR-1: Carrier loading', 'Acknowledge the alert about order FR-2: Call the carrier']);
  });
});
