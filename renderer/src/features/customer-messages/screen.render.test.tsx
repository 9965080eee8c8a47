// @vitest-environment happy-dom
// The Customer messages tab rendered over its store: the rules and the preview on a real order,
// re-read on the refresh plan's word only while the tab shows (the draft being typed stays), and
// a slower older preview never replacing a newer one.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutApi } from '../../../../shared/api/contract';
import type { MessagePreview, MessageRuleView, MessageSettingsView } from '../../../../shared/api/messages-api';
import { CUSTOMER_TRIGGERS } from '../../../../shared/messages/message-vocabulary';
import { DEFAULT_MESSAGE_SETTINGS } from '../../../../shared/messages/message-rules';
import { installApi } from '../../api/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import CustomerMessagesScreen from './screen';
import { editDraft, refreshMessageSettings, refreshPreview, resetCustomerMessagesStore, useCustomerMessagesStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const rule = (trigger: MessageRuleView['trigger']): MessageRuleView => ({
  trigger,
  channels: { sms: true, email: false, telegram: false },
  services: { express: true, standard: true, intercity: true },
  texts: { ru: null, kk: null, en: null },
  defaults: { ru: `Заказ {{number}}: ${trigger}`, kk: `Тапсырыс {{number}}`, en: `Order {{number}}: ${trigger}` },
  customized: false,
});

let view: MessageSettingsView;
let calls: string[];
/** Preview answers held back, to be let go in any order. */
let held: ((p: MessagePreview) => void)[];
let hold: boolean;
let dom: DomHost;

const previewOf = (text: string): MessagePreview => ({ orderId: 'o-1', orderNumber: 'MR-100001', subject: 'MR-100001', body: text.replace('{{number}}', 'MR-100001'), problems: [], chars: text.length });

beforeEach(() => {
  view = { rules: CUSTOMER_TRIGGERS.map(rule), settings: { ...DEFAULT_MESSAGE_SETTINGS }, placeholders: ['number'], maxChars: 500, canEdit: true };
  calls = [];
  held = [];
  hold = false;
  const fake = {
    messageSettings: () => (calls.push('messageSettings'), Promise.resolve(structuredClone(view))),
    previewOrders: () => Promise.resolve([{ id: 'o-1', number: 'MR-100001', status: 'confirmed', customerName: 'Айгерим' }]),
    previewMessage: ({ text }: { text: string }) => (hold ? new Promise<MessagePreview>((resolve) => held.push(resolve)) : Promise.resolve(previewOf(text))),
    on: () => () => undefined,
  };
  installApi(fake as unknown as MarshrutApi);
  resetCustomerMessagesStore();
  dom = mountHost();
});
afterEach(() => dom.unmount());

async function render(lang: 'ru' | 'en'): Promise<void> {
  act(() => useSettingsStore.setState({ language: lang }));
  await act(async () => dom.root.render(<CustomerMessagesScreen />));
  await act(async () => {});
}

describe('the Customer messages tab (rendered over its store)', () => {
  it.each([
    ['ru', 'Сообщения клиентам'],
    ['en', 'Messages to customers'],
  ] as const)('shows the rules and the preview on a real order (%s)', async (lang, title) => {
    await render(lang);
    expect(dom.host.querySelector('h1')?.textContent).toBe(title);
    expect(dom.host.textContent).toContain('Заказ MR-100001: confirmed');
  });

  it("re-reads the rules on the refresh plan's word while it shows, keeping the draft being typed; not after", async () => {
    await render('en');
    await act(async () => editDraft('Ваш заказ {{number}} подтверждён'));
    view.settings.arrivingMinutes = 30;
    const before = calls.length;
    await act(async () => refreshMessageSettings());
    expect(calls.length).toBe(before + 1);
    expect(useCustomerMessagesStore.getState().view?.settings.arrivingMinutes).toBe(30);
    expect(useCustomerMessagesStore.getState().drafts?.ru).toBe('Ваш заказ {{number}} подтверждён');
    act(() => dom.root.render(<></>));
    await act(async () => refreshMessageSettings());
    expect(calls.length).toBe(before + 1);
  });

  it('a slower older preview never replaces a newer one', async () => {
    await render('en');
    hold = true;
    await act(async () => void editDraft('first {{number}}'));
    await act(async () => void editDraft('second {{number}}'));
    expect(held).toHaveLength(2);
    await act(async () => held[1]?.(previewOf('second {{number}}')));
    await act(async () => held[0]?.(previewOf('first {{number}}')));
    expect(useCustomerMessagesStore.getState().preview?.body).toBe('second MR-100001');
  });

  it('a reset store shares nothing with the one before: a preview asked before the reset is dropped', async () => {
    await render('en');
    hold = true;
    await act(async () => void refreshPreview());
    expect(held).toHaveLength(1);
    act(() => resetCustomerMessagesStore());
    await act(async () => held[0]?.(previewOf('stale {{number}}')));
    expect(useCustomerMessagesStore.getState().preview).toBeNull();
  });
});
