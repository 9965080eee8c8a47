// Customer messages end to end on a real server, the sending side: the triggers queue in the
// mutation's own transaction, the sender talks to real local stand-ins (SMSC-shaped HTTP
// gateway, the smtp-server package, a Telegram Bot API stand-in), retries with backoff, never
// resends after a restart, and writes every attempt on the order's timeline.
import { describe, expect, it } from 'vitest';
import { T0 } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import {
  admin,
  customerMessageStands,
  dispatcher,
  driver,
  messagesOf,
  mutate,
  newConfirmedOrder,
  putCustomer,
  sendOnItsWay,
  TG_SECRET,
  timeline,
  warehouse,
} from '../testing/customer-message-stack';

const stands = customerMessageStands();

describe('customer messages: sending', () => {
  it('confirming queues SMS and e-mail with the tracking link; the sender delivers each once and the timeline shows it', async () => {
    const s = await stands.start();
    putCustomer(s, false);
    const order = newConfirmedOrder(s, 'MR-1');
    const queued = messagesOf(s, order.id);
    expect(queued.map((m) => `${m.channel}:${m.trigger}:${m.state}`).sort()).toEqual(['email:confirmed:queued', 'sms:confirmed:queued']);
    const link = s.ts.server.engine.newTx().get('tracking_links', order.id);
    expect(link?.url).toMatch(/^https:\/\/track\.example\.kz\/t\/[A-Za-z0-9_-]{22}$/);
    expect(queued[0]?.body).toContain(link?.url);

    await s.msgs.sender.runOnce();
    expect(stands.sms.requests).toHaveLength(1);
    const q = stands.sms.requests[0]!.url.searchParams;
    expect(q.get('phones')).toBe('+77011112233');
    expect(q.get('login')).toBe('marshrut');
    expect(q.get('psw')).toBe('s3cret');
    expect(q.get('mes')).toBe(`Заказ MR-1 подтверждён. Следить за доставкой: ${link?.url}`);
    expect(stands.smtp.mails).toHaveLength(1);
    expect(stands.smtp.mails[0]?.to).toEqual(['orders@romashka.kz']);
    expect(stands.smtp.mails[0]?.raw).toMatch(/Content-Type: text\/plain/i);
    const after = messagesOf(s, order.id);
    expect(after.every((m) => m.state === 'sent' && m.attempts === 1)).toBe(true);
    expect(after.find((m) => m.channel === 'sms')?.providerId).toBe('1001');
    const events = timeline(s, order.id);
    expect(events.map((e) => `${e.actorName}:${e.reason}`).sort()).toEqual(['E-mail:confirmed:sent', 'SMS:confirmed:sent']);
    expect(events.find((e) => e.actorId === 'sms')?.comment).toContain('+7 *** *** 22 33');

    // Nothing is due any more: a second round sends nothing.
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests).toHaveLength(1);
    expect(stands.smtp.mails).toHaveLength(1);
  });

  it('a failing gateway is retried with backoff, every attempt on the timeline; a refusal is final', async () => {
    const s = await stands.start();
    putCustomer(s, false);
    stands.sms.mode = 'fail503';
    stands.smtp.failNext = 550;
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
    expect(stands.sms.requests).toHaveLength(1);
    // A 200 with an error body is "not taken" too; then the gateway recovers.
    stands.sms.mode = 'error-body';
    s.clock.now = T0 + 31_000;
    await s.msgs.sender.runOnce();
    expect(messagesOf(s, order.id).find((m) => m.channel === 'sms')).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: T0 + 31_000 + 60_000 });
    stands.sms.mode = 'ok';
    s.clock.now = T0 + 100_000;
    await s.msgs.sender.runOnce();
    rows = messagesOf(s, order.id);
    expect(rows.find((m) => m.channel === 'sms')).toMatchObject({ state: 'sent', attempts: 3 });
    expect(stands.sms.requests).toHaveLength(3);
    expect(timeline(s, order.id).filter((e) => e.actorId === 'sms').map((e) => e.reason)).toEqual(['confirmed:retrying', 'confirmed:retrying', 'confirmed:sent']);
  });

  it('an attempt cut off by a restart is marked unknown and never sent again', async () => {
    const s1 = await stands.start();
    putCustomer(s1, false);
    stands.sms.mode = 'hang';
    const order = newConfirmedOrder(s1, 'MR-3', { customerEmail: null });
    void s1.msgs.sender.runOnce();
    await expect.poll(() => stands.sms.requests.length).toBe(1);
    // The process dies mid-attempt: the row was committed as `sending` before the gateway call.
    stands.kill(s1);
    stands.sms.mode = 'ok';
    const s2 = await stands.start();
    const rows = messagesOf(s2, order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'unknown', attempts: 1 });
    await s2.msgs.sender.runOnce();
    s2.clock.now += 3_600_000;
    await s2.msgs.sender.runOnce();
    expect(stands.sms.requests).toHaveLength(1);
    expect(timeline(s2, order.id).map((e) => e.reason)).toEqual(['confirmed:unknown']);
  });

  it('one occasion queues once: a repeated geofence arrival adds nothing', async () => {
    const s = await stands.start();
    putCustomer(s, false);
    const order = newConfirmedOrder(s, 'MR-4', { customerEmail: null });
    sendOnItsWay(s, order);
    const gps: MutationActor = { id: 'gps', name: 'GPS', actor: 'gps', role: null };
    mutate(s, gps, 'setSubMark', { orderId: order.id, subMark: 'arrived', source: 'gps' });
    s.msgs.watch.runOnce();
    const arriving = messagesOf(s, order.id).filter((m) => m.trigger === 'arriving');
    expect(arriving).toHaveLength(1);
    expect(messagesOf(s, order.id).map((m) => m.trigger).sort()).toEqual(['arriving', 'confirmed', 'in_transit']);
  });

  it('a dispatcher sends the tracking link again: one more message per request, delivered with the same link; refusals change nothing', async () => {
    const s = await stands.start();
    putCustomer(s, false);
    const order = newConfirmedOrder(s, 'MR-9', { customerEmail: null });
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests).toHaveLength(1);
    const link = s.ts.server.engine.newTx().get('tracking_links', order.id)!.url;

    mutate(s, dispatcher, 'sendTrackingLink', { orderId: order.id });
    const queued = messagesOf(s, order.id).filter((m) => m.state === 'queued');
    expect(queued.map((m) => `${m.channel}:${m.trigger}`)).toEqual(['sms:confirmed']);
    expect(queued[0]?.body).toContain(link);
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests).toHaveLength(2);
    expect(stands.sms.requests[1]?.url.searchParams.get('mes')).toBe(`Заказ MR-9 подтверждён. Следить за доставкой: ${link}`);
    expect(s.ts.server.engine.newTx().get('tracking_links', order.id)?.url).toBe(link);
    const events = timeline(s, order.id);
    expect(events.filter((e) => e.reason === 'link_requested').map((e) => `${e.actor}:${e.actorName}:${e.source}`)).toEqual(['dispatcher:Dispatcher Aigerim:manual']);
    expect(events.filter((e) => e.reason === 'confirmed:sent')).toHaveLength(2);

    // Hostile and forbidden requests: a clear refusal naming why, and nothing queued or written.
    mutate(s, warehouse, 'markPicked', { orderId: order.id, source: 'scan' });
    mutate(s, dispatcher, 'setStatus', { orderId: order.id, to: 'in_transit' });
    mutate(s, driver, 'setStatus', { orderId: order.id, to: 'delivered', source: 'manual' });
    const countRows = () => (s.ts.server.db.sqlite.prepare('SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM order_events) AS n').get() as { n: number }).n;
    const before = countRows();
    const refused = (actor: MutationActor, args: unknown) => s.ts.server.runMutation('sendTrackingLink', args, actor, s.clock.now);
    expect(refused(dispatcher, { orderId: order.id })).toMatchObject({ result: 'rejected', error: { code: 'order_finished' } });
    const other = newConfirmedOrder(s, 'MR-10', { customerEmail: null });
    const withOther = countRows();
    expect(refused(warehouse, { orderId: other.id })).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    expect(refused(driver, { orderId: other.id })).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    expect(refused(dispatcher, { orderId: 'no-such-order' })).toMatchObject({ result: 'rejected', error: { code: 'not_found' } });
    expect(refused(dispatcher, { orderId: '__proto__' })).toMatchObject({ result: 'rejected', error: { code: 'not_found' } });
    expect(refused(dispatcher, { orderId: 'x'.repeat(201) })).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(refused(dispatcher, { orderId: other.id, to: '+77770000000' })).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(refused(dispatcher, {})).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(countRows()).toBe(withOther);
    expect(withOther).toBeGreaterThan(before);
  });

  it('a customer name with markup stays plain text in every channel', async () => {
    const s = await stands.start();
    putCustomer(s, false);
    mutate(s, admin, 'updateMessageRule', { trigger: 'confirmed', channels: { sms: true, email: true, telegram: true }, texts: { ru: '{{customer}} {{number}}' } });
    const order = newConfirmedOrder(s, 'MR-7', { customerName: '<script>alert(1)</script> {{link}}' });
    await s.msgs.sender.runOnce();
    expect(stands.sms.requests[0]?.url.searchParams.get('mes')).toBe('<script>alert(1)</script> {{link}} MR-7');
    expect(stands.smtp.mails[0]?.raw).not.toMatch(/text\/html/i);
    expect(messagesOf(s, order.id)).toHaveLength(2);
  });

  it('Telegram: /start with the tracking token links the chat, later messages go there; a wrong secret changes nothing', async () => {
    const s = await stands.start();
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
    await expect.poll(() => stands.tg.requests.length).toBe(1); // the bot's "done" reply

    sendOnItsWay(s, order);
    await s.msgs.sender.runOnce();
    const sent = stands.tg.requests.slice(1).map((r) => JSON.parse(r.body) as { chat_id: string; text: string });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chat_id).toBe('777001');
    expect(sent[0]?.text).toContain('MR-8');

    // The bot blocked by the user: final, not retried.
    stands.tg.mode = 'reject400';
    mutate(s, driver, 'setStatus', { orderId: order.id, to: 'delivered', source: 'manual' });
    await s.msgs.sender.runOnce();
    expect(messagesOf(s, order.id).find((m) => m.channel === 'telegram' && m.trigger === 'delivered')).toMatchObject({ state: 'failed' });
  });
});
