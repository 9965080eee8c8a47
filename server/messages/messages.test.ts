// Customer messages end to end on a real server: the triggers queue in the mutation's own
// transaction, the sender talks to real local stand-ins (SMSC-shaped HTTP gateway, the
// smtp-server package, a Telegram Bot API stand-in), retries with backoff, never resends after
// a restart, and writes every attempt on the order's timeline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import type { MessageRow, OrderEventRow, OrderRow } from '../../shared/schema';
import { startTestServer, type TestServer } from '../testing/test-server';
import { startSmsStandIn, startSmtpStandIn, startTelegramStandIn, type HttpStandIn, type SmtpStandIn } from '../testing/message-stand-ins';
import { attachMessages, type AttachedMessages } from './attach-messages';
import { SMS_PRESETS, type MessagesConfig } from './messages-config';
import { smtpSchema } from './smtp-channel';
import { PredictionWatch } from './prediction-watch';
import type { PredictedArrival } from '../../shared/eta';

const TG_TOKEN = '123456:test-token';
const TG_SECRET = 'webhook-secret-123';
const admin: MutationActor = { id: 'u-admin', name: 'Admin Timur', actor: 'admin', role: 'admin' };
const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };
const warehouse: MutationActor = { id: 'u-warehouse', name: 'Storekeeper Nurlan', actor: 'warehouse', role: 'warehouse' };

interface Stack {
  ts: TestServer;
  msgs: AttachedMessages;
  clock: { now: number };
}

let dir: string;
let sms: HttpStandIn;
let tg: HttpStandIn;
let smtp: SmtpStandIn;
let stacks: Stack[] = [];

function config(): MessagesConfig {
  return {
    publicUrl: 'https://track.example.kz',
    sms: { gateway: { ...SMS_PRESETS.smsc, url: `${sms.url}/sys/send.php` }, credentials: { login: 'marshrut', password: 's3cret' } },
    smtp: smtpSchema.parse({ host: '127.0.0.1', port: smtp.port, from: 'Marshrut <noreply@example.kz>', timeoutMs: 5000 }),
    telegram: { token: TG_TOKEN, apiBase: tg.url, secret: TG_SECRET, bot: 'marshrut_bot' },
  };
}

async function start(): Promise<Stack> {
  const clock = { now: T0 };
  const ts = await startTestServer({ clock: () => clock.now }, dir);
  const msgs = attachMessages(ts.server, { config: config(), clock: () => clock.now, senderIntervalMs: 3_600_000, watchIntervalMs: 3_600_000 });
  const stack = { ts, msgs, clock };
  stacks.push(stack);
  return stack;
}

function mutate(s: Stack, actor: MutationActor, name: string, args: unknown): void {
  const outcome = s.ts.server.runMutation(name, args, actor, s.clock.now);
  if (outcome.result !== 'applied') throw new Error(`${name}: ${JSON.stringify(outcome)}`);
}

function orderByNumber(s: Stack, number: string): OrderRow {
  const o = s.ts.server.engine.newTx().findOrderByNumber(number);
  if (o === undefined) throw new Error(`no order ${number}`);
  return o;
}

function messagesOf(s: Stack, orderId: string): MessageRow[] {
  const rows = s.ts.server.db.sqlite.prepare('SELECT * FROM messages WHERE order_id = ? ORDER BY created_at, id').all(orderId) as Array<Record<string, unknown>>;
  return rows.map((r) => s.ts.server.engine.tables.messages.codec.fromRecord(r) as MessageRow);
}

function timeline(s: Stack, orderId: string): OrderEventRow[] {
  const rows = s.ts.server.db.sqlite.prepare("SELECT * FROM order_events WHERE order_id = ? AND kind = 'message' ORDER BY at, id").all(orderId) as Array<Record<string, unknown>>;
  return rows.map((r) => s.ts.server.engine.tables.order_events.codec.fromRecord(r) as OrderEventRow);
}

function putCustomer(s: Stack, vip: boolean): void {
  s.ts.server.engine.writeRows((tx) =>
    tx.put('customers', { id: 'c1', name: 'ТОО Ромашка', phone: '+77011112233', email: 'orders@romashka.kz', vipNormMinutes: vip ? 240 : null, updatedAt: T0 }),
  );
}

function newConfirmedOrder(s: Stack, number: string, extra: Record<string, unknown> = {}): OrderRow {
  mutate(s, dispatcher, 'createOrder', { ...ORDER_ARGS, number, customerId: 'c1', customerEmail: 'orders@romashka.kz', ...extra });
  mutate(s, dispatcher, 'confirmOrder', { orderId: orderByNumber(s, number).id });
  return orderByNumber(s, number);
}

/** A received mail's headers (unfolded, "\n"-separated, starting with "\n") and its quoted-printable text decoded. */
function readMail(raw: string): { headers: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = `\n${raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').replace(/\r\n/g, '\n')}\n`;
  const qp = raw.slice(split + 4).replace(/=\r\n/g, '').replace(/\r\n/g, '\n').replace(/\n$/, '');
  const bytes: number[] = [];
  for (let i = 0; i < qp.length; i++) {
    if (qp[i] === '=' && /^[0-9A-F]{2}$/.test(qp.slice(i + 1, i + 3))) {
      bytes.push(parseInt(qp.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(qp[i]!, 'utf8'));
  }
  return { headers, text: Buffer.from(bytes).toString('utf8') };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marshrut-msg-'));
  [sms, tg, smtp] = await Promise.all([startSmsStandIn(), startTelegramStandIn(TG_TOKEN), startSmtpStandIn()]);
});

afterEach(async () => {
  for (const s of stacks) await s.ts.server.close();
  stacks = [];
  await Promise.all([sms.close(), tg.close(), smtp.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('customer messages', () => {
  it('confirming queues SMS and e-mail with the tracking link; the sender delivers each once and the timeline shows it', async () => {
    const s = await start();
    putCustomer(s, false);
    const order = newConfirmedOrder(s, 'MR-1');
    const queued = messagesOf(s, order.id);
    expect(queued.map((m) => `${m.channel}:${m.trigger}:${m.state}`).sort()).toEqual(['email:confirmed:queued', 'sms:confirmed:queued']);
    const link = s.ts.server.engine.newTx().get('tracking_links', order.id);
    expect(link?.url).toMatch(/^https:\/\/track\.example\.kz\/t\/[A-Za-z0-9_-]{22}$/);
    expect(queued[0]?.body).toContain(link?.url);

    await s.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(1);
    const q = sms.requests[0]!.url.searchParams;
    expect(q.get('phones')).toBe('+77011112233');
    expect(q.get('login')).toBe('marshrut');
    expect(q.get('psw')).toBe('s3cret');
    expect(q.get('mes')).toBe(`Заказ MR-1 подтверждён. Следить за доставкой: ${link?.url}`);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['orders@romashka.kz']);
    expect(smtp.mails[0]?.raw).toMatch(/Content-Type: text\/plain/i);
    const after = messagesOf(s, order.id);
    expect(after.every((m) => m.state === 'sent' && m.attempts === 1)).toBe(true);
    expect(after.find((m) => m.channel === 'sms')?.providerId).toBe('1001');
    const events = timeline(s, order.id);
    expect(events.map((e) => `${e.actorName}:${e.reason}`).sort()).toEqual(['E-mail:confirmed:sent', 'SMS:confirmed:sent']);
    expect(events.find((e) => e.actorId === 'sms')?.comment).toContain('+7 *** *** 22 33');

    // Nothing is due any more: a second round sends nothing.
    await s.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
  });

  it('a failing gateway is retried with backoff, every attempt on the timeline; a refusal is final', async () => {
    const s = await start();
    putCustomer(s, false);
    sms.mode = 'fail503';
    smtp.failNext = 550;
    const order = newConfirmedOrder(s, 'MR-2');
    await s.msgs.sender.runOnce();
    let rows = messagesOf(s, order.id);
    const smsRow = rows.find((m) => m.channel === 'sms')!;
    expect(smsRow).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: T0 + 30_000 });
    expect(smsRow.lastError).toContain('HTTP 503');
    expect(rows.find((m) => m.channel === 'email')).toMatchObject({ state: 'failed', attempts: 1 });

    // Not yet due: nothing is sent.
    s.clock.now = T0 + 10_000;
    await s.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(1);
    // A 200 with an error body is "not taken" too; then the gateway recovers.
    sms.mode = 'error-body';
    s.clock.now = T0 + 31_000;
    await s.msgs.sender.runOnce();
    expect(messagesOf(s, order.id).find((m) => m.channel === 'sms')).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: T0 + 31_000 + 60_000 });
    sms.mode = 'ok';
    s.clock.now = T0 + 100_000;
    await s.msgs.sender.runOnce();
    rows = messagesOf(s, order.id);
    expect(rows.find((m) => m.channel === 'sms')).toMatchObject({ state: 'sent', attempts: 3 });
    expect(sms.requests).toHaveLength(3);
    expect(timeline(s, order.id).filter((e) => e.actorId === 'sms').map((e) => e.reason)).toEqual(['confirmed:retrying', 'confirmed:retrying', 'confirmed:sent']);
  });

  it('an attempt cut off by a restart is marked unknown and never sent again', async () => {
    const s1 = await start();
    putCustomer(s1, false);
    sms.mode = 'hang';
    const order = newConfirmedOrder(s1, 'MR-3', { customerEmail: null });
    void s1.msgs.sender.runOnce();
    await expect.poll(() => sms.requests.length).toBe(1);
    // The process dies mid-attempt: the row was committed as `sending` before the gateway call.
    s1.ts.server.kill();
    stacks = [];
    sms.mode = 'ok';
    const s2 = await start();
    const rows = messagesOf(s2, order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'unknown', attempts: 1 });
    await s2.msgs.sender.runOnce();
    s2.clock.now += 3_600_000;
    await s2.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(1);
    expect(timeline(s2, order.id).map((e) => e.reason)).toEqual(['confirmed:unknown']);
  });

  it('one occasion queues once: a repeated geofence arrival adds nothing', async () => {
    const s = await start();
    putCustomer(s, false);
    const order = newConfirmedOrder(s, 'MR-4', { customerEmail: null });
    mutate(s, dispatcher, 'assignDriver', { orderId: order.id, driverId: 'd1', seenVersion: orderByNumber(s, 'MR-4').version });
    mutate(s, warehouse, 'markPicked', { orderId: order.id, source: 'scan' });
    mutate(s, dispatcher, 'setStatus', { orderId: order.id, to: 'in_transit' });
    const gps: MutationActor = { id: 'gps', name: 'GPS', actor: 'gps', role: null };
    mutate(s, gps, 'setSubMark', { orderId: order.id, subMark: 'arrived', source: 'gps' });
    s.msgs.watch.runOnce();
    const arriving = messagesOf(s, order.id).filter((m) => m.trigger === 'arriving');
    expect(arriving).toHaveLength(1);
    expect(messagesOf(s, order.id).map((m) => m.trigger).sort()).toEqual(['arriving', 'confirmed', 'in_transit']);
  });

  it('an opted-out customer gets nothing; a VIP contract tells the others it lists; admins edit texts and bad ones are refused', async () => {
    const s = await start();
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
    expect(sms.requests.map((r) => r.url.searchParams.get('mes') ?? '').filter((t) => t.includes('MR-6'))).toEqual([]);
  });

  it("the dispatcher's settings reach the stand-ins: a VIP's extra recipient gets the SMS and the e-mail, an opted-out customer gets nothing at all", async () => {
    const s = await start();
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
    const smsTo = sms.requests.map((r) => `${r.url.searchParams.get('phones')}:${r.url.searchParams.get('mes')}`).sort();
    expect(smsTo).toEqual([`+77011112233:Order MR-41 is confirmed. Track it here: ${link}`, `+77020001122:Order MR-41 is confirmed. Track it here: ${link}`].sort());
    expect(smtp.mails.map((m) => m.to.join(',')).sort()).toEqual(['manager@shop.kz', 'orders@romashka.kz']);
    expect(smtp.mails.every((m) => m.raw.includes('MR-41'))).toBe(true);
    expect(timeline(s, order.id).filter((e) => e.reason === 'confirmed:sent')).toHaveLength(4);

    // Opted out: nothing reaches any gateway for the next order, the VIP's others included.
    mutate(s, dispatcher, 'setCustomerMessagePrefs', { customerId: 'c1', language: 'en', optOut: true, alsoNotify: [{ name: 'Shop manager', email: 'manager@shop.kz' }] });
    const muted = newConfirmedOrder(s, 'MR-42');
    expect(messagesOf(s, muted.id).map((m) => `${m.recipient}:${m.state}`).sort()).toEqual(['+77011112233:suppressed', 'manager@shop.kz:suppressed', 'orders@romashka.kz:suppressed']);
    s.clock.now += 3_600_000;
    await s.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(2);
    expect(smtp.mails).toHaveLength(2);

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
    const s = await start();
    putCustomer(s, false);
    sms.mode = 'fail503';
    const order = newConfirmedOrder(s, 'MR-43');
    await s.msgs.sender.runOnce();
    const link = s.ts.server.engine.newTx().get('tracking_links', order.id)!.url;
    const token = link.split('/t/')[1]!;
    expect(smtp.mails).toHaveLength(1);
    const mail = readMail(smtp.mails[0]!.raw);
    expect(mail.headers).toContain(`\nList-Unsubscribe: <${link}/unsubscribe>\n`);
    expect(mail.headers).toContain('\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n');
    expect(mail.text).toBe(`Заказ MR-43 подтверждён. Следить за доставкой: ${link}\n\n--\nНе присылать сообщения: ${link}#unsubscribe`);
    // The outbox keeps the text as queued (the link is added on the way out); SMS has no footer.
    expect(messagesOf(s, order.id).find((m) => m.channel === 'email')?.body).not.toContain('#unsubscribe');

    // The mail program posts to the header's address (the test server stands for the public URL).
    const res = await fetch(`${s.ts.server.url}/t/${token}/unsubscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    // The SMS waiting for its retry is not sent now; the next occasion is suppressed when queued.
    sms.mode = 'ok';
    s.clock.now += 3_600_000;
    await s.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(1);
    expect(messagesOf(s, order.id).find((m) => m.channel === 'sms')).toMatchObject({ state: 'suppressed', lastError: 'opted_out' });
    mutate(s, dispatcher, 'assignDriver', { orderId: order.id, driverId: 'd1', seenVersion: orderByNumber(s, 'MR-43').version });
    mutate(s, warehouse, 'markPicked', { orderId: order.id, source: 'scan' });
    mutate(s, dispatcher, 'setStatus', { orderId: order.id, to: 'in_transit' });
    await s.msgs.sender.runOnce();
    expect(messagesOf(s, order.id).filter((m) => m.trigger === 'in_transit').map((m) => m.state)).toEqual(['suppressed', 'suppressed']);
    expect(sms.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(s.ts.server.engine.newTx().get('customer_prefs', 'c1')?.optOut).toBe(true);
  });

  it('a dispatcher sends the tracking link again: one more message per request, delivered with the same link; refusals change nothing', async () => {
    const s = await start();
    putCustomer(s, false);
    const order = newConfirmedOrder(s, 'MR-9', { customerEmail: null });
    await s.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(1);
    const link = s.ts.server.engine.newTx().get('tracking_links', order.id)!.url;

    mutate(s, dispatcher, 'sendTrackingLink', { orderId: order.id });
    const queued = messagesOf(s, order.id).filter((m) => m.state === 'queued');
    expect(queued.map((m) => `${m.channel}:${m.trigger}`)).toEqual(['sms:confirmed']);
    expect(queued[0]?.body).toContain(link);
    await s.msgs.sender.runOnce();
    expect(sms.requests).toHaveLength(2);
    expect(sms.requests[1]?.url.searchParams.get('mes')).toBe(`Заказ MR-9 подтверждён. Следить за доставкой: ${link}`);
    expect(s.ts.server.engine.newTx().get('tracking_links', order.id)?.url).toBe(link);
    const events = timeline(s, order.id);
    expect(events.filter((e) => e.reason === 'link_requested').map((e) => `${e.actor}:${e.actorName}:${e.source}`)).toEqual(['dispatcher:Dispatcher Aigerim:manual']);
    expect(events.filter((e) => e.reason === 'confirmed:sent')).toHaveLength(2);

    // Hostile and forbidden requests: a clear refusal naming why, and nothing queued or written.
    mutate(s, warehouse, 'markPicked', { orderId: order.id, source: 'scan' });
    mutate(s, dispatcher, 'setStatus', { orderId: order.id, to: 'in_transit' });
    mutate(s, { id: 'drv', name: 'Driver', actor: 'driver', role: null }, 'setStatus', { orderId: order.id, to: 'delivered', source: 'manual' });
    const countRows = () => (s.ts.server.db.sqlite.prepare('SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM order_events) AS n').get() as { n: number }).n;
    const before = countRows();
    const refused = (actor: MutationActor, args: unknown) => s.ts.server.runMutation('sendTrackingLink', args, actor, s.clock.now);
    expect(refused(dispatcher, { orderId: order.id })).toMatchObject({ result: 'rejected', error: { code: 'order_finished' } });
    const other = newConfirmedOrder(s, 'MR-10', { customerEmail: null });
    const withOther = countRows();
    expect(refused(warehouse, { orderId: other.id })).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    expect(refused({ id: 'drv', name: 'Driver', actor: 'driver', role: null }, { orderId: other.id })).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    expect(refused(dispatcher, { orderId: 'no-such-order' })).toMatchObject({ result: 'rejected', error: { code: 'not_found' } });
    expect(refused(dispatcher, { orderId: '__proto__' })).toMatchObject({ result: 'rejected', error: { code: 'not_found' } });
    expect(refused(dispatcher, { orderId: 'x'.repeat(201) })).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(refused(dispatcher, { orderId: other.id, to: '+77770000000' })).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(refused(dispatcher, {})).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(countRows()).toBe(withOther);
    expect(withOther).toBeGreaterThan(before);
  });

  it("an admin turns a message off for one service type: that service's orders hear nothing of it, the others do", async () => {
    const s = await start();
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
    for (const o of [express, standard]) {
      mutate(s, dispatcher, 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: orderByNumber(s, o.number).version });
      mutate(s, warehouse, 'markPicked', { orderId: o.id, source: 'scan' });
      mutate(s, dispatcher, 'setStatus', { orderId: o.id, to: 'in_transit' });
    }
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
    expect(sms.requests.map((r) => r.url.searchParams.get('mes') ?? '').filter((t) => t.includes('MR-22') && t.includes('пути'))).toEqual([]);

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
    const s = await start();
    putCustomer(s, false);
    mutate(s, admin, 'setMessageServices', { trigger: 'arriving', services: { intercity: false } });
    const orders = [newConfirmedOrder(s, 'MR-31', { serviceType: 'intercity', customerEmail: null }), newConfirmedOrder(s, 'MR-32', { serviceType: 'express', customerEmail: null })];
    for (const o of orders) {
      mutate(s, dispatcher, 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: orderByNumber(s, o.number).version });
      mutate(s, warehouse, 'markPicked', { orderId: o.id, source: 'scan' });
      mutate(s, dispatcher, 'setStatus', { orderId: o.id, to: 'in_transit' });
    }
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

  it('a customer name with markup stays plain text in every channel', async () => {
    const s = await start();
    putCustomer(s, false);
    mutate(s, admin, 'updateMessageRule', { trigger: 'confirmed', channels: { sms: true, email: true, telegram: true }, texts: { ru: '{{customer}} {{number}}' } });
    const order = newConfirmedOrder(s, 'MR-7', { customerName: '<script>alert(1)</script> {{link}}' });
    await s.msgs.sender.runOnce();
    expect(sms.requests[0]?.url.searchParams.get('mes')).toBe('<script>alert(1)</script> {{link}} MR-7');
    expect(smtp.mails[0]?.raw).not.toMatch(/text\/html/i);
    expect(messagesOf(s, order.id)).toHaveLength(2);
  });

  it('Telegram: /start with the tracking token links the chat, later messages go there; a wrong secret changes nothing', async () => {
    const s = await start();
    putCustomer(s, false);
    const order = newConfirmedOrder(s, 'MR-8', { customerEmail: null });
    const token = s.ts.server.engine.newTx().get('tracking_links', order.id)!.token;
    const post = (secret: string | null, body: unknown) =>
      fetch(`${s.ts.server.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
        body: JSON.stringify(body),
      });
    const update = { update_id: 1, message: { message_id: 5, chat: { id: 777001 }, text: `/start ${token}` } };
    expect((await post(null, update)).status).toBe(401);
    expect((await post('wrong-secret-000', update)).status).toBe(401);
    expect((await post(TG_SECRET, { update_id: 'x', __proto__: { admin: true } })).status).toBe(400);
    expect(s.ts.server.engine.newTx().get('customer_prefs', 'c1')).toBeUndefined();
    expect((await post(TG_SECRET, update)).status).toBe(200);
    expect(s.ts.server.engine.newTx().get('customer_prefs', 'c1')?.telegramChatId).toBe('777001');
    await expect.poll(() => tg.requests.length).toBe(1); // the bot's "done" reply

    mutate(s, dispatcher, 'assignDriver', { orderId: order.id, driverId: 'd1', seenVersion: orderByNumber(s, 'MR-8').version });
    mutate(s, warehouse, 'markPicked', { orderId: order.id, source: 'scan' });
    mutate(s, dispatcher, 'setStatus', { orderId: order.id, to: 'in_transit' });
    await s.msgs.sender.runOnce();
    const sent = tg.requests.slice(1).map((r) => JSON.parse(r.body) as { chat_id: string; text: string });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chat_id).toBe('777001');
    expect(sent[0]?.text).toContain('MR-8');

    // The bot blocked by the user: final, not retried.
    tg.mode = 'reject400';
    mutate(s, { id: 'drv', name: 'Driver', actor: 'driver', role: null }, 'setStatus', { orderId: order.id, to: 'delivered', source: 'manual' });
    await s.msgs.sender.runOnce();
    expect(messagesOf(s, order.id).find((m) => m.channel === 'telegram' && m.trigger === 'delivered')).toMatchObject({ state: 'failed' });
  });
});
