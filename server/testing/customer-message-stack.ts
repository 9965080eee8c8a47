// A real server with customer messages attached, talking to the local stand-ins (SMSC-shaped
// SMS gateway, smtp-server, a Telegram Bot API stand-in), for the server/messages tests. Each
// test gets fresh stand-ins and a temp dir; every server it started is closed after it.
// The sender and the prediction watch run only when a test says so (runOnce): no timers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import { TIMELINE_ORDER_SQL, type MessageRow, type OrderEventRow, type OrderRow } from '../../shared/schema';
import { attachMessages, type AttachedMessages } from '../messages/attach-messages';
import { SMS_PRESETS, type MessagesConfig } from '../messages/messages-config';
import { smtpSchema } from '../messages/smtp-channel';
import { decodeMail, mailHeaders } from './mail-decode';
import { startSmsStandIn, startSmtpStandIn, startTelegramStandIn, type HttpStandIn, type SmtpStandIn } from './message-stand-ins';
import { startTestServer, type TestServer } from './test-server';

export const TG_TOKEN = '123456:test-token';
export const TG_SECRET = 'webhook-secret-123';
export const admin: MutationActor = { id: 'u-admin', name: 'Admin Timur', actor: 'admin', role: 'admin' };
export const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };
export const warehouse: MutationActor = { id: 'u-warehouse', name: 'Storekeeper Nurlan', actor: 'warehouse', role: 'warehouse' };
export const driver: MutationActor = { id: 'drv', name: 'Driver', actor: 'driver', role: null };

export interface Stack {
  ts: TestServer;
  msgs: AttachedMessages;
  clock: { now: number };
}

export interface MessageStands {
  readonly sms: HttpStandIn;
  readonly tg: HttpStandIn;
  readonly smtp: SmtpStandIn;
  /** A server on this test's dir (a second call is a restart on the same database), clock at T0. */
  start(): Promise<Stack>;
  /** The process dies without closing (a restart test): not closed again after the test. */
  kill(s: Stack): void;
}

/** Call once at the top of a test file: registers the per-test set-up and tear-down. */
export function customerMessageStands(): MessageStands {
  let dir = '';
  let sms: HttpStandIn | undefined;
  let tg: HttpStandIn | undefined;
  let smtp: SmtpStandIn | undefined;
  let stacks: Stack[] = [];
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the stand-ins start in beforeEach: use them inside a test');
    return v;
  };
  const config = (): MessagesConfig => ({
    publicUrl: 'https://track.example.kz',
    sms: { gateway: { ...SMS_PRESETS.smsc, url: `${need(sms).url}/sys/send.php` }, credentials: { login: 'marshrut', password: 's3cret' } },
    smtp: smtpSchema.parse({ host: '127.0.0.1', port: need(smtp).port, from: 'Marshrut <noreply@example.kz>', timeoutMs: 5000 }),
    telegram: { token: TG_TOKEN, apiBase: need(tg).url, secret: TG_SECRET, bot: 'marshrut_bot' },
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marshrut-msg-'));
    [sms, tg, smtp] = await Promise.all([startSmsStandIn(), startTelegramStandIn(TG_TOKEN), startSmtpStandIn()]);
  });
  afterEach(async () => {
    for (const s of stacks) await s.ts.server.close();
    stacks = [];
    await Promise.all([sms?.close(), tg?.close(), smtp?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    get sms() {
      return need(sms);
    },
    get tg() {
      return need(tg);
    },
    get smtp() {
      return need(smtp);
    },
    async start() {
      const clock = { now: T0 };
      const ts = await startTestServer({ clock: () => clock.now }, dir);
      const msgs = attachMessages(ts.server, { config: config(), clock: () => clock.now, senderIntervalMs: 3_600_000, watchIntervalMs: 3_600_000 });
      const stack = { ts, msgs, clock };
      stacks.push(stack);
      return stack;
    },
    kill(s) {
      s.ts.server.kill();
      stacks = stacks.filter((x) => x !== s);
    },
  };
}

export function mutate(s: Stack, actor: MutationActor, name: string, args: unknown): void {
  const outcome = s.ts.server.runMutation(name, args, actor, s.clock.now);
  if (outcome.result !== 'applied') throw new Error(`${name}: ${JSON.stringify(outcome)}`);
}

export function orderByNumber(s: Stack, number: string): OrderRow {
  const o = s.ts.server.engine.newTx().findOrderByNumber(number);
  if (o === undefined) throw new Error(`no order ${number}`);
  return o;
}

export function messagesOf(s: Stack, orderId: string): MessageRow[] {
  const rows = s.ts.server.db.sqlite.prepare('SELECT * FROM messages WHERE order_id = ? ORDER BY created_at, id').all(orderId) as Array<Record<string, unknown>>;
  return rows.map((r) => s.ts.server.engine.tables.messages.codec.fromRecord(r) as MessageRow);
}

/** The order's message events (kind `message`), oldest first. */
export function timeline(s: Stack, orderId: string): OrderEventRow[] {
  const rows = s.ts.server.db.sqlite.prepare(`SELECT * FROM order_events WHERE order_id = ? AND kind = 'message' ORDER BY ${TIMELINE_ORDER_SQL}`).all(orderId) as Array<Record<string, unknown>>;
  return rows.map((r) => s.ts.server.engine.tables.order_events.codec.fromRecord(r) as OrderEventRow);
}

/** Customer c1 (phone and e-mail), with a VIP contract or not. */
export function putCustomer(s: Stack, vip: boolean): void {
  s.ts.server.engine.writeRows((tx) =>
    tx.put('customers', { id: 'c1', name: 'ТОО Ромашка', phone: '+77011112233', email: 'orders@romashka.kz', vipNormMinutes: vip ? 240 : null, updatedAt: T0 }),
  );
}

export function newConfirmedOrder(s: Stack, number: string, extra: Record<string, unknown> = {}): OrderRow {
  mutate(s, dispatcher, 'createOrder', { ...ORDER_ARGS, number, customerId: 'c1', customerEmail: 'orders@romashka.kz', ...extra });
  mutate(s, dispatcher, 'confirmOrder', { orderId: orderByNumber(s, number).id });
  return orderByNumber(s, number);
}

/** Assigned to driver d1, picked at the warehouse, on its way. */
export function sendOnItsWay(s: Stack, order: OrderRow): void {
  mutate(s, dispatcher, 'assignDriver', { orderId: order.id, driverId: 'd1', seenVersion: orderByNumber(s, order.number).version });
  mutate(s, warehouse, 'markPicked', { orderId: order.id, source: 'scan' });
  mutate(s, dispatcher, 'setStatus', { orderId: order.id, to: 'in_transit' });
}

/** A received mail's headers (by lower-case name) and its text part decoded. */
export function readMail(raw: string): { headers: Map<string, string>; text: string | null } {
  return { headers: mailHeaders(raw), text: decodeMail(raw).text };
}
