// Customer messages end to end on a real server, who hears what: the customer's opt-out and
// one-click unsubscribe, a VIP contract's extra recipients, the admin's texts and per-service
// switches (which the prediction watch obeys too), each refusal naming its field.
import { describe, expect, it } from 'vitest';
import type { MutationActor } from '../../shared/mutators';
import type { OrderRow } from '../../shared/schema';
import type { PredictedArrival } from '../../shared/eta';
import {
  admin,
  customerMessageStands,
  dispatcher,
  messagesOf,
  mutate,
  newConfirmedOrder,
  putCustomer,
  readMail,
  sendOnItsWay,
  timeline,
  warehouse,
} from '../testing/customer-message-stack';
import { PredictionWatch } from './prediction-watch';

const stands = customerMessageStands();

describe('customer messages: who hears what', () => {
  it('an opted-out customer gets nothing; a VIP contract tells the others it lists; admins edit texts and bad ones are refused', async () => {
    const s = await stands.start();
    putCustomer(s, true);
    mutate(s, dispatcher, 'setCustomerMessagePrefs', { customerId: 'c1', language: 'kk', optOut: false, alsoNotify: [{ name: 'Менеджер магазина', phone: '+7 702 000 11 22' }] });
    mutate(s, admin, 'updateMessageRule', { trigger: 'confirmed', channels: { sms: true, email: false, telegram: true }, texts: { kk: '{{number}}: {{link}} — {{customer}}' } });
    const order = newConfirmedOrder(s, 'MR-5');
    const rows = messagesOf(s, order.id);
    expect(rows.map((m) => m.recipient).sort()).toEqual(['+77011112233', '+77020001122']);
    expect(rows.every((m) => m.language === 'kk' && m.body.startsWith('MR-5: https://track.example.kz/t/'))).toBe(true);

    const bad = s.ts.server.runMutation('updateMessageRule', { trigger: 'confirmed', channels: { sms: true, email: true, telegram: true }, texts: { ru: 'Hi {{__proto__}} {{constructor}}' } }, admin, s.clock.now);
    expect(bad).toMatchObject({ result: 'rejected', error: { code: 'bad_template', details: { field: 'texts.ru' } } });
    const notAdmin = s.ts.server.runMutation('updateMessageRule', { trigger: 'confirmed', channels: { sms: true, email: true, telegram: true }, texts: {} }, dispatcher, s.clock.now);
    expect(notAdmin).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });

    mutate(s, dispatcher, 'setCustomerMessagePrefs', { customerId: 'c1', language: 'ru', optOut: true, alsoNotify: [] });
    const second = newConfirmedOrder(s, 'MR-6');
    expect(messagesOf(s, second.id).every((m) => m.state === 'suppressed' && m.lastError === 'opted_out')).toBe(true);
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests.map((r) => r.url.searchParams.get('mes') ?? '').filter((t) => t.includes('MR-6'))).toEqual([]);
  });

  it("the dispatcher's settings reach the stand-ins: a VIP's extra recipient gets the SMS and the e-mail, an opted-out customer gets nothing at all", async () => {
    const s = await stands.start();
    putCustomer(s, true);
    mutate(s, dispatcher, 'setCustomerMessagePrefs', {
      customerId: 'c1',
      language: 'en',
      optOut: false,
      alsoNotify: [{ name: 'Shop manager', phone: '+7 (702) 000-11-22', email: 'manager@shop.kz' }],
    });
    const order = newConfirmedOrder(s, 'MR-41');
    await s.msgs.sender.runOnce();
    const link = s.ts.server.engine.newTx().get('tracking_links', order.id)!.url;
    const smsTo = stands.sms.requests.map((r) => `${r.url.searchParams.get('phones')}:${r.url.searchParams.get('mes')}`).sort();
    expect(smsTo).toEqual([`+77011112233:Order MR-41 is confirmed. Track it here: ${link}`, `+77020001122:Order MR-41 is confirmed. Track it here: ${link}`].sort());
    expect(stands.smtp.mails.map((m) => m.to.join(',')).sort()).toEqual(['manager@shop.kz', 'orders@romashka.kz']);
    expect(stands.smtp.mails.every((m) => m.raw.includes('MR-41'))).toBe(true);
    expect(timeline(s, order.id).filter((e) => e.reason === 'confirmed:sent')).toHaveLength(4);

    // Opted out: nothing reaches any gateway for the next order, the VIP's others included.
    mutate(s, dispatcher, 'setCustomerMessagePrefs', { customerId: 'c1', language: 'en', optOut: true, alsoNotify: [{ name: 'Shop manager', email: 'manager@shop.kz' }] });
    const muted = newConfirmedOrder(s, 'MR-42');
    expect(messagesOf(s, muted.id).map((m) => `${m.recipient}:${m.state}`).sort()).toEqual(['+77011112233:suppressed', 'manager@shop.kz:suppressed', 'orders@romashka.kz:suppressed']);
    s.clock.now += 3_600_000;
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests).toHaveLength(2);
    expect(stands.smtp.mails).toHaveLength(2);

    // Refusals name the field and change nothing: a number no SMS can go to, a recipient with
    // no contact, a customer without a VIP contract, a stranger's role.
    const before = JSON.stringify(s.ts.server.engine.newTx().get('customer_prefs', 'c1'));
    const refuse = (actor: MutationActor, args: unknown) => s.ts.server.runMutation('setCustomerMessagePrefs', args, actor, s.clock.now);
    const base = { customerId: 'c1', language: 'ru', optOut: false };
    expect(refuse(dispatcher, { ...base, alsoNotify: [{ name: 'X', phone: '12-34' }] })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'alsoNotify.0.phone' } } });
    expect(refuse(dispatcher, { ...base, alsoNotify: [{ name: 'X' }] })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'alsoNotify.0' } } });
    expect(refuse(dispatcher, { ...base, alsoNotify: [{ name: 'X', email: 'not-an-address' }] })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'alsoNotify.0.email' } } });
    expect(refuse(dispatcher, { ...base, language: 'de', alsoNotify: [] })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'language' } } });
    expect(refuse(dispatcher, { ...base, customerId: '__proto__', alsoNotify: [] })).toMatchObject({ result: 'rejected', error: { code: 'not_found' } });
    expect(refuse(warehouse, { ...base, alsoNotify: [] })).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    s.ts.server.engine.writeRows((tx) => tx.put('customers', { ...tx.get('customers', 'c1')!, vipNormMinutes: null }));
    expect(refuse(dispatcher, { ...base, alsoNotify: [{ name: 'X', email: 'x@shop.kz' }] })).toMatchObject({ result: 'rejected', error: { code: 'not_vip', details: { field: 'alsoNotify' } } });
    expect(JSON.stringify(s.ts.server.engine.newTx().get('customer_prefs', 'c1'))).toBe(before);
  });

  it("every customer e-mail carries List-Unsubscribe and a link; the one-click unsubscribe stops what is still queued and everything after", async () => {
    const s = await stands.start();
    putCustomer(s, false);
    stands.sms.mode = 'fail503';
    const order = newConfirmedOrder(s, 'MR-43');
    await s.msgs.sender.runOnce();
    const link = s.ts.server.engine.newTx().get('tracking_links', order.id)!.url;
    const token = link.split('/t/')[1]!;
    expect(stands.smtp.mails).toHaveLength(1);
    const mail = readMail(stands.smtp.mails[0]!.raw);
    expect(mail.headers.get('list-unsubscribe')).toBe(`<${link}/unsubscribe>`);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toBe(`Заказ MR-43 подтверждён. Следить за доставкой: ${link}\n\n--\nНе присылать сообщения: ${link}#unsubscribe`);
    // The outbox keeps the text as queued (the link is added on the way out); SMS has no footer.
    expect(messagesOf(s, order.id).find((m) => m.channel === 'email')?.body).not.toContain('#unsubscribe');

    // The mail program posts to the header's address (the test server stands for the public URL).
    const res = await fetch(`${s.ts.server.url}/t/${token}/unsubscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    // The SMS waiting for its retry is not sent now; the next occasion is suppressed when queued.
    stands.sms.mode = 'ok';
    s.clock.now += 3_600_000;
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests).toHaveLength(1);
    expect(messagesOf(s, order.id).find((m) => m.channel === 'sms')).toMatchObject({ state: 'suppressed', lastError: 'opted_out' });
    sendOnItsWay(s, order);
    await s.msgs.sender.runOnce();
    expect(messagesOf(s, order.id).filter((m) => m.trigger === 'in_transit').map((m) => m.state)).toEqual(['suppressed', 'suppressed']);
    expect(stands.sms.requests).toHaveLength(1);
    expect(stands.smtp.mails).toHaveLength(1);
    expect(s.ts.server.engine.newTx().get('customer_prefs', 'c1')?.optOut).toBe(true);
  });

  it("an admin turns a message off for one service type: that service's orders hear nothing of it, the others do", async () => {
    const s = await stands.start();
    putCustomer(s, false);
    mutate(s, admin, 'setMessageServices', { trigger: 'confirmed', services: { express: false } });
    mutate(s, admin, 'setMessageServices', { trigger: 'in_transit', services: { standard: false } });
    const express = newConfirmedOrder(s, 'MR-21', { serviceType: 'express' });
    const standard = newConfirmedOrder(s, 'MR-22', { serviceType: 'standard' });
    expect(messagesOf(s, express.id)).toEqual([]);
    expect(messagesOf(s, standard.id).map((m) => `${m.channel}:${m.trigger}`).sort()).toEqual(['email:confirmed', 'sms:confirmed']);
    // A tracking link is still made: the page works even when no message announces it.
    expect(s.ts.server.engine.newTx().get('tracking_links', express.id)).toBeDefined();

    // The other triggers stay on for express; in transit is now off for standard only.
    for (const o of [express, standard]) sendOnItsWay(s, o);
    expect(messagesOf(s, express.id).map((m) => m.trigger)).toEqual(['in_transit', 'in_transit']);
    expect(messagesOf(s, standard.id).filter((m) => m.trigger === 'in_transit')).toEqual([]);

    // A dispatcher's explicit "send the link again" is a request, not an occasion: it goes.
    mutate(s, dispatcher, 'sendTrackingLink', { orderId: express.id });
    expect(messagesOf(s, express.id).filter((m) => m.trigger === 'confirmed').map((m) => m.channel).sort()).toEqual(['email', 'sms']);

    // Turned back on, the next occasion is sent again; the sender delivers only what was queued.
    mutate(s, admin, 'setMessageServices', { trigger: 'confirmed', services: { express: true } });
    const later = newConfirmedOrder(s, 'MR-23', { serviceType: 'express' });
    expect(messagesOf(s, later.id).map((m) => m.trigger)).toEqual(['confirmed', 'confirmed']);
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests.map((r) => r.url.searchParams.get('mes') ?? '').filter((t) => t.includes('MR-22') && t.includes('пути'))).toEqual([]);

    // Hostile switches: refused with the field named, nothing changed on the server.
    const rulesBefore = s.ts.server.db.sqlite.prepare('SELECT * FROM message_rules ORDER BY id').all();
    const refuse = (args: unknown) => s.ts.server.runMutation('setMessageServices', args, admin, s.clock.now);
    expect(refuse({ trigger: 'confirmed', services: { same_day: false } })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'services' } } });
    expect(refuse({ trigger: 'confirmed', services: JSON.parse('{"__proto__": false}') })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'services' } } });
    expect(refuse({ trigger: 'confirmed', services: { express: 'no' } })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'services.express' } } });
    expect(refuse({ trigger: 'toString', services: { express: false } })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'trigger' } } });
    expect(s.ts.server.runMutation('setMessageServices', { trigger: 'confirmed', services: { express: false } }, dispatcher, s.clock.now)).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    expect(s.ts.server.db.sqlite.prepare('SELECT * FROM message_rules ORDER BY id').all()).toEqual(rulesBefore);
  });

  it('the prediction watch asks the same switch: no "arriving" for a service it is off for', async () => {
    const s = await stands.start();
    putCustomer(s, false);
    mutate(s, admin, 'setMessageServices', { trigger: 'arriving', services: { intercity: false } });
    const orders = [newConfirmedOrder(s, 'MR-31', { serviceType: 'intercity', customerEmail: null }), newConfirmedOrder(s, 'MR-32', { serviceType: 'express', customerEmail: null })];
    for (const o of orders) sendOnItsWay(s, o);
    // The driver is predicted at each door within the "arriving" minutes.
    const soon = (now: number): PredictedArrival => ({
      at: now + 5 * 60_000,
      earliest: now + 4 * 60_000,
      latest: now + 6 * 60_000,
      basis: { stopsAhead: 0, distanceKm: 1, speedKmh: 25, speedSource: 'fallback', fixAgeMs: 0 },
    });
    const deps = { publicUrl: 'https://track.example.kz', channels: new Set(['sms'] as const), predict: (_o: OrderRow, now: number) => soon(now) };
    const watch = new PredictionWatch(s.ts.server.db.sqlite, s.ts.server.engine, deps, () => s.clock.now, s.ts.server.logger);
    watch.runOnce();
    expect(messagesOf(s, orders[0]!.id).filter((m) => m.trigger === 'arriving')).toEqual([]);
    expect(messagesOf(s, orders[1]!.id).filter((m) => m.trigger === 'arriving').map((m) => m.channel)).toEqual(['sms']);
  });
});
