// @vitest-environment happy-dom
// A warehouse alert (issue 18: nobody started the day) in the Alerts tab, rendered for real: its
// kind and message in words in Russian and English, the warehouse's name where an order number
// would be, and a click that opens the console's drivers panel narrowed to that warehouse.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../../shared/api/alerts-api';
import { useLayoutStore } from '../../app/layout-store';
import { testAlertView } from '../../testing/alert-view';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useClockStore } from '../clock/store';
import { resetDriversStore, useDriversStore } from '../drivers/store';
import { useSettingsStore } from '../settings/store';
import { AlertsList } from './AlertsList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.parse('2026-03-03T09:20:00+05:00');
let dom: DomHost;

const warehouseAlert = testAlertView({
  id: 'alw:wh-1:no_shift_start:1',
  kind: 'no_shift_start',
  orderId: null,
  orderNumber: null,
  orderStatus: null,
  warehouseId: 'wh-1',
  warehouseName: 'Склад Алатау',
  audience: 'supervisor',
  customerName: '',
  messageRu: '«Склад Алатау»: к 09:00 (03.03.2026) ни один водитель склада не начал рабочий день.',
  messageEn: 'Склад Алатау: no driver of the warehouse had started the day by 09:00 (03/03/2026).',
  dueAt: NOW - 20 * 60_000,
  triggeredAt: NOW - 20 * 60_000,
});

beforeEach(() => {
  useClockStore.setState({ now: NOW, skewMs: 0 });
  useLayoutStore.setState({ screen: 'alerts', rightPanel: 'card' });
  resetDriversStore();
  dom = mountHost();
});

afterEach(() => dom.unmount());

function render(lang: 'ru' | 'en', alert: AlertView = warehouseAlert): HTMLElement {
  useSettingsStore.setState({ language: lang });
  act(() => dom.root.render(<AlertsList items={[alert]} canAck={() => true} />));
  const item = dom.host.querySelector<HTMLElement>('.alert-item');
  if (item === null) throw new Error('no alert row');
  return item;
}

describe('a warehouse alert in the Alerts tab (rendered)', () => {
  it('says what happened in Russian, names the warehouse, and offers to acknowledge it', () => {
    const item = render('ru');
    expect(item.querySelector('.alert-kind')?.textContent).toBe('Никто не начал день');
    expect(item.querySelector('.alert-order')?.textContent).toBe('Склад Алатау');
    expect(item.querySelector('.alert-message')?.textContent).toBe(warehouseAlert.messageRu);
    expect(item.getAttribute('aria-label')).toBe('Никто не начал день Склад Алатау');
    expect(item.querySelector('.alert-actions button')?.getAttribute('aria-label')).toBe('Принять оповещение «Никто не начал день»: Склад Алатау');
    expect(item.textContent).not.toMatch(/no_shift_start|null|undefined/);
  });

  it('says it in English too', () => {
    const item = render('en');
    expect(item.querySelector('.alert-kind')?.textContent).toBe('Nobody started the day');
    expect(item.querySelector('.alert-message')?.textContent).toBe(warehouseAlert.messageEn);
    expect(item.querySelector('.alert-order')?.getAttribute('aria-label')).toBe('Show the drivers of Склад Алатау');
  });

  it('a click opens the console’s drivers panel narrowed to that warehouse', () => {
    const item = render('en');
    act(() => item.querySelector<HTMLButtonElement>('.alert-order')?.click());
    expect(useLayoutStore.getState()).toMatchObject({ screen: 'console', rightPanel: 'drivers' });
    expect(useDriversStore.getState().warehouseFilter).toEqual({ id: 'wh-1', name: 'Склад Алатау' });
  });
});

describe('where an alert went outside the app (issue 15, rendered)', () => {
  const sent = NOW - 19 * 60_000;
  const withDeliveries: AlertView = {
    ...warehouseAlert,
    deliveries: [
      { channel: 'telegram', recipientName: 'Гульнара Омарова', state: 'sent', error: null, at: sent },
      { channel: 'email', recipientName: 'Гульнара Омарова', state: 'failed', error: 'EAUTH 535: bad login', at: sent },
      { channel: 'email', recipientName: 'Тимур Ким', state: 'suppressed', error: 'quiet_hours', at: sent },
      { channel: 'telegram', recipientName: 'Тимур Ким', state: 'failed', error: 'not_configured', at: sent },
    ],
  };
  const lines = (item: HTMLElement) => [...item.querySelectorAll('.alert-deliveries li')].map((li) => li.textContent);

  it('each recipient and channel with its outcome in words, in Russian and English', () => {
    const time = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Almaty' }).format(sent);
    expect(lines(render('ru', withDeliveries))).toEqual([
      `Telegram → Гульнара Омарова: отправлено ${time}`,
      'E-mail → Гульнара Омарова: не отправлено: EAUTH 535: bad login',
      'E-mail → Тимур Ким: пропущено: тихие часы',
      'Telegram → Тимур Ким: не отправлено: канал не настроен на сервере',
    ]);
    expect(lines(render('en', withDeliveries))[2]).toBe('E-mail → Тимур Ким: skipped, quiet hours');
  });

  it('says nothing when the alert went nowhere', () => {
    expect(render('en').querySelector('.alert-deliveries')).toBeNull();
  });
});

describe('a call-the-carrier alert (issue 16, rendered)', () => {
  const call = testAlertView({
    id: 'al:o1:carrier_call:1',
    kind: 'carrier_call',
    orderId: 'o1',
    orderNumber: 'FR-77',
    orderStatus: 'in_transit',
    customerName: 'Kaspi',
    dueAt: NOW - 20 * 60_000,
    triggeredAt: NOW - 20 * 60_000,
    messageRu: 'Заказ FR-77 (Kaspi) в пути у перевозчика ТОО Жол Транс: позвоните перевозчику и уточните, где груз и когда разгрузка.',
    messageEn: 'Order FR-77 (Kaspi) is on the road with carrier ТОО Жол Транс: call the carrier and ask where the cargo is and when it unloads.',
    tasks: [
      {
        action: 'call_carrier',
        channel: 'phone',
        to: '+7 701 123 45 67',
        toName: 'ТОО Жол Транс (Серик)',
        subject: null,
        text: { ru: 'Заказ FR-77 в пути: где сейчас машина?', en: 'Order FR-77 on the road: where is the truck now?' },
      },
    ],
  });

  it('names the kind and the task in both languages, never the raw code', () => {
    for (const [lang, kind, task] of [
      ['ru', 'Прозвон перевозчика', 'Позвонить перевозчику'],
      ['en', 'Call the carrier', 'Call the carrier'],
    ] as const) {
      const item = render(lang, call);
      expect(item.querySelector('.alert-kind')?.textContent).toBe(kind);
      expect(item.querySelector('.alert-message')?.textContent).toBe(lang === 'ru' ? call.messageRu : call.messageEn);
      const show = [...item.querySelectorAll<HTMLButtonElement>('button')].find((b) => /\(1\)/.test(b.textContent ?? ''));
      act(() => show?.click());
      const tasks = dom.host.querySelector('.alert-task');
      expect(tasks?.textContent).toContain(task);
      expect(tasks?.textContent).toContain('ТОО Жол Транс (Серик)');
      expect(dom.host.textContent).not.toMatch(/carrier_call|call_carrier/);
      act(() => show?.click());
    }
  });
});
