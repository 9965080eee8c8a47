// Staff hear of their alerts by Telegram and e-mail, on a real server with the SLA scheduler:
// the notices are queued with the alert, sent through the real channels to local stand-ins
// (smtp-server on port 0, an HTTP server speaking the Bot API's sendMessage), recorded on the
// outbox row of the alert (sent / failed with the reason / skipped in quiet hours), and sent
// once per recipient and channel, also after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import type { AlertRow, MessageRow } from '../../shared/schema';
import type { AlertScheduler, SchedulerTimers } from '../alerts/alert-scheduler';
import { attachAlerts } from '../alerts/attach-alerts';
import { startTestServer, type TestServer } from '../testing/test-server';
import { startSmtpStandIn, startTelegramStandIn, type HttpStandIn, type SmtpStandIn } from '../testing/message-stand-ins';
import { attachMessages, type AttachedMessages } from './attach-messages';
import type { MessagesConfig } from './messages-config';
import { smtpSchema } from './smtp-channel';

const TG_TOKEN = '777:staff-token';
const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);
const actor = (id: string, role: 'dispatcher' | 'supervisor' | 'admin' | 'logistician'): MutationActor => ({ id, name: id, actor: role, role });
const dispatcher = actor('u-dispatcher', 'dispatcher');
const dispatcher2 = actor('u-dispatcher2', 'dispatcher');
const supervisor = actor('u-supervisor', 'supervisor');
const logistician = actor('u-logistician', 'logistician');
const admin = actor('u-admin', 'admin');
const manualTimers: SchedulerTimers = { set: () => 0, clear: () => undefined };
const ALL_KINDS = ['sla_warning', 'sla_critical', 'sla_breach', 'not_taken', 'not_picked', 'predicted_late'];

interface Stack {
  ts: TestServer;
  msgs: AttachedMessages;
  alerts: AlertScheduler;
}

let dir: string;
let tg: HttpStandIn;
let smtp: SmtpStandIn;
let clock = 0;
let stacks: Stack[] = [];

function config(withTelegram = true): MessagesConfig {
  return {
    publicUrl: 'https://track.example.kz',
    sms: null,
    smtp: smtpSchema.parse({ host: '127.0.0.1', port: smtp.port, from: 'Marshrut <noreply@example.kz>', timeoutMs: 5000 }),
    telegram: withTelegram ? { token: TG_TOKEN, apiBase: tg.url, secret: 'secret-1', bot: 'marshrut_bot' } : null,
  };
}

async function start(withTelegram = true): Promise<Stack> {
  const ts = await startTestServer({ clock: () => clock }, dir);
  const alerts = attachAlerts(ts.server, { clock: () => clock, timers: manualTimers });
  const msgs = attachMessages(ts.server, { config: config(withTelegram), clock: () => clock, senderIntervalMs: 3_600_000, watchIntervalMs: 3_600_000 });
  alerts.onRecorded((tx, created, now) => msgs.staff.queue(tx, created, now));
  const s = { ts, msgs, alerts };
  stacks.push(s);
  return s;
}

function mutate(s: Stack, who: MutationActor, name: string, args: unknown): void {
  const out = s.ts.server.runMutation(name, args, who, clock);
  if (out.result !== 'applied') throw new Error(`${name}: ${JSON.stringify(out)}`);
}

function prefs(s: Stack, who: MutationActor, patch: Record<string, unknown>): void {
  mutate(s, who, 'setMyNotifyPrefs', { channel: 'both', kinds: ALL_KINDS, email: `${who.id}@example.kz`, telegramChatId: '4242', language: 'ru', quietStartMinute: 0, quietEndMinute: 0, ...patch });
}

function alertRows(s: Stack): AlertRow[] {
  const rows = s.ts.server.db.sqlite.prepare('SELECT * FROM alerts ORDER BY triggered_at, kind').all() as Record<string, unknown>[];
  return rows.map((r) => s.ts.server.engine.tables.alerts.codec.fromRecord(r) as AlertRow);
}

function notices(s: Stack): MessageRow[] {
  const rows = s.ts.server.db.sqlite.prepare("SELECT * FROM messages WHERE audience = 'staff' ORDER BY created_at, id").all() as Record<string, unknown>[];
  return rows.map((r) => s.ts.server.engine.tables.messages.codec.fromRecord(r) as MessageRow);
}

/** A confirmed express order and the first alert moment after it. */
function orderAndFirstAlert(s: Stack, number: string): AlertRow {
  clock = local('2025-03-11', '10:00');
  mutate(s, dispatcher, 'createOrder', { ...ORDER_ARGS, number, serviceType: 'express' });
  const id = s.ts.server.engine.newTx().findOrderByNumber(number)?.id ?? '';
  mutate(s, dispatcher, 'confirmOrder', { orderId: id });
  s.alerts.tick();
  return nextAlert(s);
}

function nextAlert(s: Stack): AlertRow {
  const before = alertRows(s).length;
  for (let i = 0; i < 20 && alertRows(s).length === before; i++) {
    const due = s.alerts.nextDueAt();
    if (due === null) break;
    clock = Math.max(clock, due);
    s.alerts.tick();
  }
  const a = alertRows(s).at(-1);
  if (a === undefined || alertRows(s).length === before) throw new Error('no alert came');
  return a;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marshrut-staff-'));
  [tg, smtp] = await Promise.all([startTelegramStandIn(TG_TOKEN), startSmtpStandIn()]);
});

afterEach(async () => {
  for (const s of stacks) await s.ts.server.close();
  stacks = [];
  await Promise.all([tg.close(), smtp.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('staff notifications of alerts', () => {
  it('the person an alert is for gets it by Telegram and e-mail, once, and the alert records both as sent', async () => {
    const s = await start();
    prefs(s, dispatcher, { language: 'ru' });
    // A colleague who wants only breaches, and a supervisor who wants everything: neither is this alert's.
    prefs(s, dispatcher2, { channel: 'telegram', kinds: ['sla_breach'], telegramChatId: '555' });
    const alert = orderAndFirstAlert(s, 'MR-1');
    expect(alert).toMatchObject({ kind: 'sla_warning', state: 'open', assigneeId: 'u-dispatcher' });
    expect(notices(s).map((m) => [m.alertId, m.channel, m.recipient, m.state])).toEqual(
      expect.arrayContaining([
        [alert.id, 'telegram', '4242', 'queued'],
        [alert.id, 'email', 'u-dispatcher@example.kz', 'queued'],
      ]),
    );
    expect(notices(s).filter((m) => m.alertId === alert.id)).toHaveLength(2);

    await s.msgs.sender.runOnce();
    // The Bot API's documented sendMessage: POST /bot<token>/sendMessage, JSON chat_id + text.
    expect(tg.requests).toHaveLength(1);
    expect(tg.requests[0]?.url.pathname).toBe(`/bot${TG_TOKEN}/sendMessage`);
    const sent = JSON.parse(tg.requests[0]?.body ?? '{}') as { chat_id: string; text: string };
    expect(sent.chat_id).toBe('4242');
    expect(sent.text).toMatch(/^Скоро срок SLA: заказ MR-1 \(.*\), срок \d\d:\d\d\.$/);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['u-dispatcher@example.kz']);
    const raw = smtp.mails[0]?.raw ?? '';
    const body = Buffer.from(raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/\s+/g, ''), 'base64').toString('utf8');
    expect(body).toBe(sent.text);
    expect(notices(s).filter((m) => m.alertId === alert.id).map((m) => m.state)).toEqual(['sent', 'sent']);

    // Looked at again, and the same alert handed in again: nothing new is queued or sent.
    s.alerts.requestFullScan();
    s.alerts.tick();
    s.ts.server.engine.writeRows((tx) => expect(s.msgs.staff.queue(tx, [alert], clock)).toBe(0));
    await s.msgs.sender.runOnce();
    expect(tg.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
  });

  it('survives a restart: the same alerts are neither queued nor sent again', async () => {
    const s1 = await start();
    prefs(s1, dispatcher, {});
    prefs(s1, supervisor, { channel: 'telegram', telegramChatId: '4343' });
    const alert = orderAndFirstAlert(s1, 'MR-2');
    await s1.msgs.sender.runOnce();
    expect(tg.requests).toHaveLength(1);
    await s1.ts.server.close();
    stacks = [];
    const s2 = await start();
    s2.alerts.requestFullScan();
    s2.alerts.tick();
    await s2.msgs.sender.runOnce();
    expect(notices(s2).filter((m) => m.alertId === alert.id)).toHaveLength(2);
    expect(tg.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    // The next stage is new: it goes out, once.
    const next = nextAlert(s2);
    await s2.msgs.sender.runOnce();
    expect(notices(s2).filter((m) => m.alertId === next.id).map((m) => [m.recipient, m.state])).toEqual([['4343', 'sent']]);
    expect(tg.requests).toHaveLength(2);
  });

  it('records a refusal with its reason, and skips inside quiet hours', async () => {
    const s = await start();
    prefs(s, dispatcher, { channel: 'telegram' });
    // The supervisor sleeps: quiet all day long but one minute.
    prefs(s, supervisor, { channel: 'email', quietStartMinute: 1, quietEndMinute: 0 });
    tg.mode = 'reject400';
    const warning = orderAndFirstAlert(s, 'MR-3');
    await s.msgs.sender.runOnce();
    expect(notices(s).find((m) => m.alertId === warning.id)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('bot was blocked by the user') });
    const critical = nextAlert(s);
    expect(critical).toMatchObject({ kind: 'sla_critical', audience: 'supervisor' });
    expect(notices(s).find((m) => m.alertId === critical.id && m.recipientName === 'Supervisor Gulnara')).toMatchObject({ channel: 'email', state: 'suppressed', lastError: 'quiet_hours' });
    await s.msgs.sender.runOnce();
    expect(smtp.mails).toHaveLength(0);
  });

  it('a channel the server has no settings for is recorded as failed, not silently dropped', async () => {
    const s = await start(false);
    prefs(s, dispatcher, { channel: 'telegram' });
    const alert = orderAndFirstAlert(s, 'MR-4');
    expect(notices(s).find((m) => m.alertId === alert.id)).toMatchObject({ channel: 'telegram', state: 'failed', lastError: 'not_configured' });
  });
});

describe('setMyNotifyPrefs', () => {
  it('refuses a channel without its address, a kind twice, an unknown kind, naming the field; sets only the own row', async () => {
    const s = await start();
    const run = (args: Record<string, unknown>) => s.ts.server.runMutation('setMyNotifyPrefs', { channel: 'both', kinds: ['sla_breach'], email: 'a@b.kz', telegramChatId: '1', language: 'en', quietStartMinute: 0, quietEndMinute: 0, ...args }, dispatcher, clock);
    expect(run({ email: null })).toMatchObject({ result: 'rejected', error: { details: { field: 'email' } } });
    expect(run({ channel: 'telegram', telegramChatId: null })).toMatchObject({ result: 'rejected', error: { details: { field: 'telegramChatId' } } });
    expect(run({ telegramChatId: '12; DROP' })).toMatchObject({ result: 'rejected', error: { details: { field: 'telegramChatId' } } });
    expect(run({ kinds: ['sla_breach', 'sla_breach'] })).toMatchObject({ result: 'rejected', error: { details: { field: 'kinds' } } });
    expect(run({ kinds: ['__proto__'] })).toMatchObject({ result: 'rejected', error: { details: { field: 'kinds.0' } } });
    expect(run({ quietEndMinute: 1440 })).toMatchObject({ result: 'rejected', error: { details: { field: 'quietEndMinute' } } });
    expect(run({ id: 'u-supervisor' })).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(s.ts.server.engine.newTx().get('staff_notify_prefs', 'u-dispatcher')).toBeUndefined();
    expect(run({ kinds: ['sla_breach', 'predicted_late'] }).result).toBe('applied');
    expect(s.ts.server.engine.newTx().get('staff_notify_prefs', 'u-dispatcher')).toMatchObject({ channel: 'both', kinds: ['sla_breach', 'predicted_late'] });
  });
});

describe("a logistician's carrier alerts outside the app (issue 16's gap)", () => {
  it('reach the logistician who handed the order over and asked for them, not a dispatcher who asked for the same kinds', async () => {
    const s = await start();
    const carrierKinds = ['carrier_loading', 'carrier_call'];
    prefs(s, logistician, { channel: 'telegram', kinds: carrierKinds, telegramChatId: '5151' });
    prefs(s, dispatcher, { channel: 'telegram', kinds: [...ALL_KINDS, ...carrierKinds], telegramChatId: '4242' });
    clock = local('2025-03-11', '10:00');
    mutate(s, dispatcher, 'createOrder', { ...ORDER_ARGS, number: 'FR-9', serviceType: 'intercity' });
    const orderId = s.ts.server.engine.newTx().findOrderByNumber('FR-9')?.id ?? '';
    mutate(s, dispatcher, 'confirmOrder', { orderId });
    mutate(s, admin, 'createCarrier', { name: 'ТОО Жол Транс', phone: '+7 701 123 45 67', securityCheck: 'passed' });
    const carrierId = (s.ts.server.db.sqlite.prepare('SELECT id FROM carriers').get() as { id: string }).id;
    // Loading within 2 hours: the reminder is due at once.
    mutate(s, logistician, 'handToCarrier', { orderId, carrierId, rate: 250_000, loadingAt: local('2025-03-11', '11:30'), contact: 'Серик' });
    s.alerts.tick();
    const reminder = alertRows(s).find((a) => a.kind === 'carrier_loading');
    expect(reminder).toMatchObject({ assigneeId: 'u-logistician' });
    expect(notices(s).filter((m) => m.alertId === reminder?.id).map((m) => [m.recipientName, m.channel, m.recipient])).toEqual([['Logistician Dana', 'telegram', '5151']]);
  });

  it('a logistician may ask only for the carrier kinds: any other is refused naming it', async () => {
    const s = await start();
    const run = (kinds: string[]) =>
      s.ts.server.runMutation('setMyNotifyPrefs', { channel: 'telegram', kinds, email: null, telegramChatId: '5151', language: 'ru', quietStartMinute: 0, quietEndMinute: 0 }, logistician, clock);
    expect(run(['carrier_call', 'sla_breach'])).toMatchObject({ result: 'rejected', error: { code: 'kind_not_for_role', message: 'A logistician gets no sla_breach alerts', details: { field: 'kinds.1', kind: 'sla_breach' } } });
    expect(run(['no_shift_start'])).toMatchObject({ result: 'rejected', error: { details: { field: 'kinds.0' } } });
    expect(s.ts.server.engine.newTx().get('staff_notify_prefs', 'u-logistician')).toBeUndefined();
    expect(run(['carrier_call', 'carrier_loading']).result).toBe('applied');
    expect(s.ts.server.engine.newTx().get('staff_notify_prefs', 'u-logistician')?.kinds).toEqual(['carrier_loading', 'carrier_call']);
    // The storekeeper still may not set any.
    expect(s.ts.server.runMutation('setMyNotifyPrefs', { channel: 'none', kinds: [], email: null, telegramChatId: null, language: 'ru', quietStartMinute: 0, quietEndMinute: 0 }, { id: 'u-warehouse', name: 'w', actor: 'warehouse', role: 'warehouse' }, clock)).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
  });
});

describe('the bot tells a staff member their chat id', () => {
  it('answers /id with the chat id over sendMessage; a wrong secret gets 401 and no answer', async () => {
    const s = await start();
    const post = (secret: string) =>
      fetch(`${s.ts.server.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify({ update_id: 1, message: { message_id: 5, date: 1, chat: { id: 987654, type: 'private' }, text: '/id' } }),
      });
    expect((await post('wrong')).status).toBe(401);
    expect((await post('secret-1')).status).toBe(200);
    await expect.poll(() => tg.requests.length).toBe(1);
    expect(JSON.parse(tg.requests[0]?.body ?? '{}')).toMatchObject({ chat_id: '987654', text: 'Chat ID: 987654' });
  });
});
