// The admin's customer-message screen through the typed API on a real replica: the rules as
// they apply, real orders to preview on, a typed text rendered on one of them with the shared
// functions the server sends with, and bad values refused with the field named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessagePreview, MessageSettingsView, PreviewOrderOption } from '../../shared/api/messages-api';
import type { Reply } from '../../shared/api/wire';
import { alerts, customerPrefs, customers, messageRules, messages, staffNotifyPrefs, trackingLinks, type MessageRow } from '../../shared/schema';
import type { AlertList } from '../../shared/api/alerts-api';
import type { CustomerMessagePrefsView, MyNotifyPrefsView } from '../../shared/api/messages-api';
import { createApi, type Api } from './create-api';
import { createFakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, HOUR, T0 } from '../testing/fixture-replica';
import { memorySettings } from '../settings/settings-store';

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const fx = eachFixtureReplica();
let api: Api;
let sync: ReturnType<typeof createFakeSync>;

beforeEach(() => {
  sync = createFakeSync({ id: 'u-admin', name: 'Timur', role: 'admin' });
  api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }), connect: () => sync, now: () => T0 });
  fx().addOrder({ id: 'o-new', number: 'MR-NEW', status: 'new', updatedAt: T0 - 3 * HOUR });
  fx().addOrder({ id: 'o-road', number: 'MR-ROAD', status: 'in_transit', driverId: 'd1', customerName: 'Асель Нурланова', slaDeadline: T0 + 3 * HOUR, updatedAt: T0 - HOUR });
  fx().addOrder({ id: 'o-done', number: 'MR-DONE', status: 'delivered', updatedAt: T0 - 2 * HOUR });
  fx().replica.db.insert(trackingLinks).values({ id: 'o-road', token: 'tok', url: 'https://track.example/t/tok', createdAt: T0, expiresAt: null, updatedAt: T0 }).run();
});

afterEach(async () => {
  await api.close();
});

describe('customer messages settings', () => {
  it('shows every customer trigger with the shipped texts until an admin changes one', async () => {
    fx().replica.db.insert(messageRules).values({ id: 'delivered', channels: { sms: false, email: true, telegram: false }, texts: { kk: 'Рахмет, {{number}}!' }, updatedAt: T0 }).run();
    const view = value<MessageSettingsView>(await api.dispatch('messageSettings', {}));
    expect(view.rules.map((r) => r.trigger)).toEqual(['confirmed', 'in_transit', 'arriving', 'delivered', 'problem', 'delay']);
    expect(view.rules[0]).toMatchObject({ channels: { sms: true, email: true, telegram: true }, services: { express: true, standard: true, intercity: true }, texts: { ru: null, kk: null, en: null }, customized: false });
    expect(view.rules[0]?.defaults.ru).toContain('{{link}}');
    expect(view.rules[3]).toMatchObject({ channels: { sms: false, email: true, telegram: false }, services: { express: true, standard: true, intercity: true }, texts: { ru: null, kk: 'Рахмет, {{number}}!', en: null }, customized: true });
    expect(view.settings).toEqual({ quietStartMinute: 1320, quietEndMinute: 480, arrivingMinutes: 15, linkDays: 7 });
    expect(view.canEdit).toBe(true);
    expect(view.placeholders).toContain('driver');
  });

  it('offers real orders that suit the trigger, newest first, and any order when none suits', async () => {
    expect(value<PreviewOrderOption[]>(await api.dispatch('previewOrders', { trigger: 'in_transit' })).map((o) => o.number)).toEqual(['MR-ROAD']);
    expect(value<PreviewOrderOption[]>(await api.dispatch('previewOrders', { trigger: 'delivered' })).map((o) => o.number)).toEqual(['MR-DONE']);
    expect(value<PreviewOrderOption[]>(await api.dispatch('previewOrders', { trigger: 'problem' })).map((o) => o.number)).toEqual(['MR-ROAD', 'MR-DONE', 'MR-NEW']);
  });

  it('renders the typed text on the chosen order: its number, link, the driver, the prediction; problems named', async () => {
    const p = value<MessagePreview>(
      await api.dispatch('previewMessage', { trigger: 'in_transit', language: 'ru', orderId: 'o-road', text: '{{customer}}, заказ {{number}} везёт {{driver}}, будет в {{eta}}: {{link}}' }),
    );
    expect(p.body).toMatch(/^Асель Нурланова, заказ MR-ROAD везёт Berik, будет в \d\d:\d\d: https:\/\/track\.example\/t\/tok$/);
    expect(p).toMatchObject({ orderNumber: 'MR-ROAD', subject: 'Заказ MR-ROAD', problems: [] });
    expect(p.chars).toBe(p.body.length);
    // The saved (here shipped) text in Kazakh when nothing is typed.
    const kk = value<MessagePreview>(await api.dispatch('previewMessage', { trigger: 'in_transit', language: 'kk', orderId: 'o-road' }));
    expect(kk.body).toContain('MR-ROAD тапсырысы жолда');
    const bad = value<MessagePreview>(await api.dispatch('previewMessage', { trigger: 'in_transit', language: 'en', orderId: 'o-road', text: 'Hi {{phone}}' }));
    expect(bad.problems).toEqual([{ code: 'unknown_placeholder', name: 'phone' }]);
    expect(bad.body).toBe('Hi');
    expect(value<MessagePreview>(await api.dispatch('previewMessage', { trigger: 'in_transit', language: 'en', orderId: 'o-road', text: '' })).problems).toEqual([{ code: 'empty' }]);
    expect(value<MessagePreview | null>(await api.dispatch('previewMessage', { trigger: 'in_transit', language: 'en', orderId: 'nope' }))).toBeNull();
  });

  it('refuses values the schema does not allow before anything runs, naming the field', async () => {
    const r = await api.dispatch('updateMessageSettings', { quietStartMinute: 1500, quietEndMinute: 0, arrivingMinutes: 15, linkDays: 7 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', details: { field: 'quietStartMinute' } } });
    const big = await api.dispatch('previewMessage', { trigger: 'delivered', language: 'ru', text: 'x'.repeat(5000) });
    expect(big).toMatchObject({ ok: false, error: { code: 'invalid_request', details: { field: 'text' } } });
    const lang = await api.dispatch('previewMessage', { trigger: 'delivered', language: '__proto__' });
    expect(lang).toMatchObject({ ok: false, error: { code: 'invalid_request', details: { field: 'language' } } });
  });
});

describe('message switches per service type', () => {
  it('shows each trigger on or off for every service type, a service the row leaves out on', async () => {
    fx().replica.db.insert(messageRules).values({ id: 'arriving', channels: { sms: true, email: true, telegram: true }, services: { intercity: false }, texts: {}, updatedAt: T0 }).run();
    const view = value<MessageSettingsView>(await api.dispatch('messageSettings', {}));
    expect(view.rules.find((r) => r.trigger === 'arriving')?.services).toEqual({ express: true, standard: true, intercity: false });
    expect(view.rules.find((r) => r.trigger === 'delay')?.services).toEqual({ express: true, standard: true, intercity: true });
  });

  it('sends one cell as a mutation; hostile values are refused before anything is sent, naming the field', async () => {
    expect(await api.dispatch('setMessageServices', { trigger: 'delay', services: { express: false } })).toMatchObject({ ok: true });
    expect(sync.calls).toEqual([{ name: 'setMessageServices', args: { trigger: 'delay', services: { express: false } } }]);
    const refusals: Array<[unknown, string | undefined]> = [
      [{ trigger: 'delay', services: { same_day: true } }, 'services'],
      [{ trigger: 'delay', services: JSON.parse('{"__proto__": true}') }, 'services'],
      [{ trigger: 'delay', services: { express: 'yes' } }, 'services.express'],
      [{ trigger: 'delay', services: { intercity: 1 } }, 'services.intercity'],
      [{ trigger: 'sla_warning', services: { express: true } }, 'trigger'],
      [{ trigger: 'constructor', services: { express: true } }, 'trigger'],
      [{ trigger: 'delay' }, 'services'],
    ];
    for (const [args, field] of refusals) {
      expect(await api.dispatch('setMessageServices', args)).toMatchObject({ ok: false, error: { code: 'invalid_request', details: { field } } });
    }
    expect(sync.calls).toHaveLength(1);
  });
});

describe('staff notices on the desktop', () => {
  const notice = (patch: Partial<MessageRow> & { id: string }): MessageRow => ({
    audience: 'staff', orderId: null, alertId: 'a1', trigger: 'sla_warning', channel: 'telegram', recipient: '4242', recipientName: 'Timur', language: 'ru',
    subject: '', body: 'x', state: 'queued', attempts: 0, nextAttemptAt: T0, lastError: null, providerId: null, createdAt: T0, sentAt: null, updatedAt: T0, ...patch,
  });

  it("an alert shows where it was sent and how that went; customers' messages are not among them", async () => {
    fx().replica.db.insert(alerts).values({
      id: 'a1', orderId: 'o-road', orderNumber: 'MR-ROAD', kind: 'sla_warning', dueAt: T0 + HOUR, triggeredAt: T0, createdAt: T0, audience: 'dispatcher', assigneeId: 'u-disp',
      customerName: 'Асель', messageRu: 'ru', messageEn: 'en', tasks: [], state: 'open', updatedAt: T0,
    }).run();
    fx().replica.db.insert(messages).values([
      notice({ id: 'm1', state: 'sent', sentAt: T0 + 1000 }),
      notice({ id: 'm2', channel: 'email', recipient: 't@x.kz', state: 'failed', lastError: 'EAUTH 535: bad login', createdAt: T0 + 1 }),
      notice({ id: 'm3', recipientName: 'Gulnara', channel: 'email', recipient: 'g@x.kz', state: 'suppressed', lastError: 'quiet_hours', createdAt: T0 + 2 }),
      notice({ id: 'm4', audience: 'customer', orderId: 'o-road', channel: 'sms', recipient: '+77011112233', recipientName: 'Асель', createdAt: T0 + 3 }),
    ]).run();
    const list = value<AlertList>(await api.dispatch('listAlerts', { state: 'all' }));
    expect(list.items[0]?.deliveries).toEqual([
      { channel: 'telegram', recipientName: 'Timur', state: 'sent', error: null, at: T0 + 1000 },
      { channel: 'email', recipientName: 'Timur', state: 'failed', error: 'EAUTH 535: bad login', at: T0 },
      { channel: 'email', recipientName: 'Gulnara', state: 'suppressed', error: 'quiet_hours', at: T0 },
    ]);
  });

  it("my notification settings: nothing sent until I choose, then my own row", async () => {
    expect(value<MyNotifyPrefsView>(await api.dispatch('myNotifyPrefs', {}))).toMatchObject({ channel: 'none', kinds: [], saved: false, canSet: true });
    fx().replica.db.insert(staffNotifyPrefs).values({ id: 'u-admin', channel: 'both', kinds: ['sla_breach'], email: 'a@x.kz', telegramChatId: '12', language: 'en', quietStartMinute: 60, quietEndMinute: 120, updatedAt: T0 }).run();
    fx().replica.db.insert(staffNotifyPrefs).values({ id: 'u-other', channel: 'email', kinds: ['not_taken'], email: 'o@x.kz', telegramChatId: null, language: 'ru', quietStartMinute: 0, quietEndMinute: 0, updatedAt: T0 }).run();
    expect(value<MyNotifyPrefsView>(await api.dispatch('myNotifyPrefs', {}))).toEqual({
      channel: 'both', kinds: ['sla_breach'], email: 'a@x.kz', telegramChatId: '12', language: 'en', quietStartMinute: 60, quietEndMinute: 120, saved: true, canSet: true,
    });
    // The command takes no user id: another person's row cannot be named.
    expect(await api.dispatch('setMyNotifyPrefs', { id: 'u-other', channel: 'none', kinds: [], email: null, telegramChatId: null, language: 'ru', quietStartMinute: 0, quietEndMinute: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe("a customer's message settings on the order card", () => {
  const putCustomer = (id: string, vip: boolean) =>
    fx().replica.db.insert(customers).values({ id, name: `Customer ${id}`, phone: '+77011112233', email: null, vipNormMinutes: vip ? 240 : null, updatedAt: T0 }).run();

  it("shows the stored choices, the queue's defaults before any, and a VIP's others only while the contract holds", async () => {
    putCustomer('c-vip', true);
    putCustomer('c-plain', false);
    expect(value<CustomerMessagePrefsView | null>(await api.dispatch('customerMessagePrefs', { customerId: 'c-vip' }))).toEqual({
      customerId: 'c-vip', language: 'ru', optOut: false, alsoNotify: [], vip: true, saved: false, canEdit: true,
    });
    const others = [{ name: 'Manager', phone: '+77020001122' }];
    fx().replica.db.insert(customerPrefs).values([
      { id: 'c-vip', language: 'kk', optOut: true, telegramChatId: '99', alsoNotify: others, updatedAt: T0 },
      { id: 'c-plain', language: 'en', optOut: false, telegramChatId: null, alsoNotify: others, updatedAt: T0 },
    ]).run();
    expect(value<CustomerMessagePrefsView | null>(await api.dispatch('customerMessagePrefs', { customerId: 'c-vip' }))).toEqual({
      customerId: 'c-vip', language: 'kk', optOut: true, alsoNotify: others, vip: true, saved: true, canEdit: true,
    });
    // A contract that ended: the old list is not shown (the queue ignores it too).
    expect(value<CustomerMessagePrefsView | null>(await api.dispatch('customerMessagePrefs', { customerId: 'c-plain' }))).toMatchObject({ language: 'en', alsoNotify: [], vip: false });
    expect(value<CustomerMessagePrefsView | null>(await api.dispatch('customerMessagePrefs', { customerId: 'nobody' }))).toBeNull();
  });

  it('saves as one mutation; hostile values are refused before anything is sent, naming the field', async () => {
    putCustomer('c-vip', true);
    const good = { customerId: 'c-vip', language: 'en', optOut: true, alsoNotify: [{ name: 'Manager', email: 'm@shop.kz' }] };
    expect(await api.dispatch('setCustomerMessagePrefs', good)).toMatchObject({ ok: true });
    expect(sync.calls).toEqual([{ name: 'setCustomerMessagePrefs', args: good }]);
    const refusals: Array<[unknown, string]> = [
      [{ ...good, language: 'de' }, 'language'],
      [{ ...good, language: '__proto__' }, 'language'],
      [{ ...good, optOut: 'yes' }, 'optOut'],
      [{ ...good, alsoNotify: [{ name: 'M', phone: 'call me' }] }, 'alsoNotify.0.phone'],
      [{ ...good, alsoNotify: [{ name: ' ', email: 'm@shop.kz' }] }, 'alsoNotify.0.name'],
      [{ ...good, alsoNotify: [{ name: 'M' }] }, 'alsoNotify.0'],
      [{ ...good, alsoNotify: [{ name: 'M', email: 'm@shop.kz', role: 'admin' }] }, 'alsoNotify.0'],
      [{ ...good, alsoNotify: Array.from({ length: 11 }, () => ({ name: 'M', email: 'm@shop.kz' })) }, 'alsoNotify'],
      [{ ...good, customerId: 'x'.repeat(201) }, 'customerId'],
      [{ ...good, telegramChatId: '1' }, ''],
    ];
    for (const [args, field] of refusals) {
      const r = await api.dispatch('setCustomerMessagePrefs', args);
      expect(r, JSON.stringify(args).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      if (field !== '') expect(r).toMatchObject({ error: { details: { field } } });
    }
    expect(sync.calls).toHaveLength(1);
  });
});
