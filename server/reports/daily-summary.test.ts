// The supervisors' daily summary (issue 17) on a real server, sent through the real SMTP
// channel to a real local SMTP server (smtp-server on port 0): off until an admin turns it on;
// yesterday's figures equal GET /api/reports for that day (the company and each warehouse);
// once per day and person across restarts; SMTP down then up sends it once; the company day
// boundary whatever the computer's zone; a recipient without an e-mail is skipped and counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MutationActor } from '../../shared/mutators';
import { composeDailySummary, dueSummaryDay, type SummarySection } from '../../shared/reports/daily-summary';
import type { ReportData } from '../../shared/reports/compute-report';
import { customers, drivers, orderEvents, orders, regions, warehouses } from '../../shared/schema';
import { REPORT_WORLD, reportOrders } from '../../shared/testing/report-orders';
import { attachMessages, type AttachedMessages } from '../messages/attach-messages';
import type { MessagesConfig } from '../messages/messages-config';
import { smtpSchema } from '../messages/smtp-channel';
import { decodeMail } from '../testing/mail-decode';
import { startSmtpStandIn, type SmtpStandIn } from '../testing/message-stand-ins';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { DailySummaryOutboxRow } from './daily-summary-schema';

const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);
const at = (iso: string): number => Date.parse(iso);
const admin: MutationActor = { id: 'u-admin', name: 'Admin Timur', actor: 'admin', role: 'admin' };
const supervisor: MutationActor = { id: 'u-supervisor', name: 'Supervisor Gulnara', actor: 'supervisor', role: 'supervisor' };

interface Stack {
  ts: TestServer;
  msgs: AttachedMessages;
}

let dir: string;
let smtp: SmtpStandIn;
let clock = 0;
let stacks: Stack[] = [];

function config(port: number): MessagesConfig {
  return { publicUrl: 'https://track.example.kz', sms: null, telegram: null, smtp: smtpSchema.parse({ host: '127.0.0.1', port, from: 'Marshrut <noreply@example.kz>', timeoutMs: 3000 }) };
}

/** A server on the test's folder (the same database after a restart) with the reports' orders: O4 in w1, O6 and O7 in w2, all made on 10 March. */
async function start(port = smtp.port): Promise<Stack> {
  const ts = await startTestServer({ clock: () => clock }, dir);
  const db = ts.server.db.orm;
  if (db.select().from(orders).all().length === 0) {
    db.insert(regions).values(REPORT_WORLD.regions).onConflictDoNothing().run();
    db.insert(warehouses).values(REPORT_WORLD.warehouses).onConflictDoNothing().run();
    db.insert(drivers).values(REPORT_WORLD.drivers).onConflictDoNothing().run();
    db.insert(customers).values(REPORT_WORLD.customers).onConflictDoNothing().run();
    const set = reportOrders();
    db.insert(orders).values(set.orders.map((o) => (o.id === 'O6' || o.id === 'O7' ? { ...o, warehouseId: 'w2' } : o))).run();
    db.insert(orderEvents).values(set.events).run();
    ts.server.engine.writeRows((tx) => tx.put('users', { id: 'u-supervisor2', name: 'Supervisor Yerlan', role: 'supervisor', warehouseId: null, active: true, updatedAt: clock }));
  }
  const msgs = attachMessages(ts.server, { config: config(port), clock: () => clock, senderIntervalMs: 3_600_000, watchIntervalMs: 3_600_000, dailySummaryIntervalMs: 3_600_000 });
  const s = { ts, msgs };
  stacks.push(s);
  return s;
}

async function stop(s: Stack): Promise<void> {
  stacks = stacks.filter((x) => x !== s);
  await s.ts.server.close();
}

function mutate(s: Stack, who: MutationActor, name: string, args: unknown): void {
  const out = s.ts.server.runMutation(name, args, who, clock);
  if (out.result !== 'applied') throw new Error(`${name}: ${JSON.stringify(out)}`);
}

/** The supervisor reads it in Russian, the admin in English; the second supervisor gave no e-mail. */
function setUp(s: Stack, sendTime = '08:00'): void {
  const prefs = { channel: 'email', kinds: [], telegramChatId: null, quietStartMinute: 0, quietEndMinute: 0 };
  mutate(s, supervisor, 'setMyNotifyPrefs', { ...prefs, email: 'gulnara@example.kz', language: 'ru' });
  mutate(s, admin, 'setMyNotifyPrefs', { ...prefs, email: 'timur@example.kz', language: 'en' });
  mutate(s, admin, 'setDailySummary', { enabled: true, sendTime, recipientIds: ['u-supervisor', 'u-admin', 'u-supervisor2'] });
}

function outbox(s: Stack): DailySummaryOutboxRow[] {
  return s.ts.server.db.sqlite
    .prepare('SELECT id, day, user_id AS userId, email, language, state, attempts, last_error AS lastError FROM daily_summary_outbox ORDER BY id')
    .all() as DailySummaryOutboxRow[];
}

async function report(s: Stack, day: string, warehouseId?: string): Promise<ReportData> {
  const q = `from=${day}&to=${day}${warehouseId === undefined ? '' : `&warehouseId=${warehouseId}`}`;
  const res = await fetch(`${s.ts.server.url}/api/reports?${q}`, { headers: { authorization: `Bearer ${s.ts.tokens['u-supervisor']}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as ReportData;
}

const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marshrut-summary-'));
  smtp = await startSmtpStandIn();
  clock = local('2026-03-11', '07:00');
});

afterEach(async () => {
  for (const s of stacks) await s.ts.server.close();
  stacks = [];
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('daily summary by e-mail', () => {
  it('is off by default: nothing is composed or sent, all day', async () => {
    const s = await start();
    for (const hhmm of ['00:00', '08:00', '12:00', '23:59']) {
      clock = local('2026-03-11', hhmm);
      await s.msgs.dailySummary.runOnce();
    }
    // Recipients chosen but the switch left off: still nothing.
    mutate(s, supervisor, 'setMyNotifyPrefs', { channel: 'email', kinds: [], email: 'g@example.kz', telegramChatId: null, language: 'ru', quietStartMinute: 0, quietEndMinute: 0 });
    mutate(s, admin, 'setDailySummary', { enabled: false, sendTime: '08:00', recipientIds: ['u-supervisor'] });
    clock = local('2026-03-11', '09:00');
    await s.msgs.dailySummary.runOnce();
    expect(outbox(s)).toEqual([]);
    expect(smtp.mails).toEqual([]);
    expect(s.msgs.dailySummary.counters.composed).toBe(0);
  });

  it("sends yesterday's figures, equal to the Reports tab's, per warehouse, in each reader's language", async () => {
    const s = await start();
    setUp(s);
    clock = local('2026-03-11', '07:59');
    await s.msgs.dailySummary.runOnce();
    expect(smtp.mails).toEqual([]);

    clock = local('2026-03-11', '08:00');
    await s.msgs.dailySummary.runOnce();
    expect(outbox(s).map((r) => [r.id, r.state, r.lastError])).toEqual([
      ['daily-summary:2026-03-10:u-admin', 'sent', null],
      ['daily-summary:2026-03-10:u-supervisor', 'sent', null],
      ['daily-summary:2026-03-10:u-supervisor2', 'skipped', 'no_email'],
    ]);
    expect(s.msgs.dailySummary.counters).toMatchObject({ composed: 1, queued: 2, sent: 2, skippedNoEmail: 1 });
    expect(smtp.mails.map((m) => m.to)).toEqual(expect.arrayContaining([['gulnara@example.kz'], ['timur@example.kz']]));
    expect(smtp.mails).toHaveLength(2);

    // The figures are the report's: the same day asked of GET /api/reports at the same moment.
    const [all, w1, w2] = [await report(s, '2026-03-10'), await report(s, '2026-03-10', 'w1'), await report(s, '2026-03-10', 'w2')];
    expect([all.headline.orders.value, w1.headline.orders.value, w2.headline.orders.value]).toEqual([3, 1, 2]);
    const sections: SummarySection[] = [
      { name: null, headline: all.headline },
      { name: 'Astana North', headline: w1.headline },
      { name: 'Astana South', headline: w2.headline },
    ];
    const ru = decodeMail(mailsTo('gulnara@example.kz')[0]?.raw ?? '');
    const en = decodeMail(mailsTo('timur@example.kz')[0]?.raw ?? '');
    const expectedRu = composeDailySummary('2026-03-10', 'ru', sections);
    expect(ru).toEqual({ subject: expectedRu.subject, text: expectedRu.text, html: expectedRu.html });
    expect(en.subject).toBe(composeDailySummary('2026-03-10', 'en', sections).subject);
    expect(en.text).toBe(composeDailySummary('2026-03-10', 'en', sections).text);
    // Counted by hand: 10 March had O4 (w1, delivered on time, short delivery) and O6, O7 (w2, open).
    expect(ru.subject).toBe('Сводка за 10.03.2026: 3 заказа, OTIF 0\u00a0%');
    expect(ru.text).toContain('Все склады\n  Заказы: 3\n  Доставлено: 1\n');
    expect(ru.text).toContain('Astana North\n  Заказы: 1\n');
    expect(ru.text).toContain('Astana South\n  Заказы: 2\n  Доставлено: 0\n');
    expect(en.text).toContain('All warehouses\n  Orders: 3\n  Delivered: 1\n');
    expect(en.html).toContain('<td>Orders</td><td style="text-align:right"><b>3</b></td>');
    expect(`${ru.text ?? ''}${ru.html ?? ''}`).not.toMatch(/https?:|href=/);

    // Later the same day nothing more.
    clock = local('2026-03-11', '18:00');
    await s.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(2);
    expect(s.msgs.dailySummary.counters.composed).toBe(1);
  });

  it('a restart after sending sends nothing more that day; the next day is sent once', async () => {
    const s1 = await start();
    setUp(s1);
    clock = local('2026-03-11', '08:00');
    await s1.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(2);
    await stop(s1);

    clock = local('2026-03-11', '09:00');
    const s2 = await start();
    await s2.msgs.dailySummary.runOnce();
    await s2.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(2);
    expect(s2.msgs.dailySummary.counters.composed).toBe(0);

    clock = local('2026-03-12', '08:01');
    await s2.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(4);
    expect(outbox(s2).filter((r) => r.day === '2026-03-11').map((r) => r.state)).toEqual(['sent', 'sent', 'skipped']);
  });

  it('SMTP down, then up: retried with backoff and sent exactly once', async () => {
    const port = smtp.port;
    await smtp.close();
    const s = await start(port);
    setUp(s);
    clock = local('2026-03-11', '08:00');
    await s.msgs.dailySummary.runOnce();
    expect(outbox(s).filter((r) => r.state !== 'skipped').map((r) => [r.state, r.attempts])).toEqual([
      ['queued', 1],
      ['queued', 1],
    ]);
    expect(outbox(s)[0]?.lastError).toMatch(/ECONNREFUSED|ESOCKET|connect/i);
    expect(s.msgs.dailySummary.counters.retried).toBe(2);

    smtp = await startSmtpStandIn(port);
    // Not yet due again (30 s backoff).
    clock += 10_000;
    await s.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(0);
    // Due: the server answers 451 once (try later), then takes it.
    smtp.failNext = 451;
    clock += 21_000;
    await s.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(1);
    clock += 60_000;
    await s.msgs.dailySummary.runOnce();
    await s.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['gulnara@example.kz', 'timur@example.kz']);
    expect(outbox(s).map((r) => r.state)).toEqual(['sent', 'sent', 'skipped']);
    clock += 3_600_000;
    await s.msgs.dailySummary.runOnce();
    expect(smtp.mails).toHaveLength(2);
  });

  it('an attempt cut off by a restart is recorded unknown and never resent', async () => {
    const port = smtp.port;
    await smtp.close();
    const s1 = await start(port);
    setUp(s1);
    clock = local('2026-03-11', '08:00');
    await s1.msgs.dailySummary.runOnce();
    // As if the process died after committing `sending`, before SMTP answered.
    s1.ts.server.db.sqlite.prepare("UPDATE daily_summary_outbox SET state = 'sending' WHERE user_id = 'u-admin'").run();
    await stop(s1);
    smtp = await startSmtpStandIn(port);
    clock += 3_600_000;
    const s2 = await start(port);
    await s2.msgs.dailySummary.runOnce();
    expect(outbox(s2).map((r) => [r.userId, r.state])).toEqual([
      ['u-admin', 'unknown'],
      ['u-supervisor', 'sent'],
      ['u-supervisor2', 'skipped'],
    ]);
    expect(smtp.mails.map((m) => m.to)).toEqual([['gulnara@example.kz']]);
  });

  describe('the day boundary is the company clock, whatever the computer zone', () => {
    const tz = process.env.TZ;
    afterEach(() => {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });

    it('dueSummaryDay: neither the send time nor the day moves on the switch nights of other zones', () => {
      for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney']) {
        process.env.TZ = zone;
        // Europe's spring switch (29 March 2026, 01:00 UTC), New York's autumn one (1 November 2026, 06:00 UTC).
        expect(new Date(at('2026-03-29T03:00:00Z')).getTimezoneOffset() !== new Date(at('2026-03-28T03:00:00Z')).getTimezoneOffset() || zone !== 'Europe/Berlin').toBe(true);
        expect(dueSummaryDay(at('2026-03-29T02:59:00Z'), 480), zone).toBeNull();
        expect(dueSummaryDay(at('2026-03-29T03:00:00Z'), 480), zone).toBe('2026-03-28');
        expect(dueSummaryDay(at('2026-11-01T03:00:00Z'), 480), zone).toBe('2026-10-31');
        expect(dueSummaryDay(at('2026-11-01T19:00:00Z'), 0), zone).toBe('2026-11-01');
      }
    });

    it('at 00:10 Almaty (19:10 UTC) the summary is for the local day just ended, once, across New York switching to summer time', async () => {
      process.env.TZ = 'America/New_York'; // switched to summer time at 07:00 UTC on 8 March 2026
      const s = await start();
      setUp(s, '00:10');
      const sentDays = () => [...new Set(outbox(s).filter((r) => r.state === 'sent').map((r) => r.day))];
      clock = Date.parse('2026-03-07T19:09:00Z'); // 00:09 on 8 March in Almaty
      await s.msgs.dailySummary.runOnce();
      expect(smtp.mails).toHaveLength(0);
      clock = Date.parse('2026-03-07T19:10:00Z');
      await s.msgs.dailySummary.runOnce();
      // Its UTC date is 7 March and UTC's yesterday 6 March; the company's yesterday is 7 March.
      expect(sentDays()).toEqual(['2026-03-07']);
      for (const iso of ['2026-03-08T06:59:00Z', '2026-03-08T07:01:00Z', '2026-03-08T19:09:00Z']) {
        clock = Date.parse(iso);
        await s.msgs.dailySummary.runOnce();
      }
      expect(smtp.mails).toHaveLength(2);
      clock = Date.parse('2026-03-08T19:10:00Z');
      await s.msgs.dailySummary.runOnce();
      expect(sentDays()).toEqual(['2026-03-07', '2026-03-08']);
      expect(smtp.mails).toHaveLength(4);
      // 7 March had one order (O3, cancelled): the figure is the day's, not a neighbour's.
      expect(decodeMail(mailsTo('gulnara@example.kz')[0]?.raw ?? '').subject).toBe('Сводка за 07.03.2026: 1 заказ');
    });
  });

  it('the server refuses hostile settings naming the field, whatever a desktop sent', async () => {
    const s = await start();
    const cases: Array<[unknown, string]> = [
      [{ enabled: true, sendTime: '25:99', recipientIds: ['u-supervisor'] }, 'sendTime'],
      [{ enabled: true, sendTime: '08:00', recipientIds: ['u-nobody'] }, 'recipientIds.0'],
      [{ enabled: true, sendTime: '08:00', recipientIds: ['u-supervisor', '__proto__'] }, 'recipientIds.1'],
      [{ enabled: true, sendTime: '08:00', recipientIds: ['u-dispatcher'] }, 'recipientIds.0'],
      [JSON.parse('{"enabled":true,"sendTime":"08:00","recipientIds":["u-admin"],"__proto__":{"enabled":false}}'), '__proto__'],
    ];
    for (const [args, field] of cases) {
      const out = s.ts.server.runMutation('setDailySummary', args, admin, clock);
      expect(out.result, JSON.stringify(args)).toBe('rejected');
      expect(JSON.stringify(out), JSON.stringify(args)).toContain(field);
    }
    expect(s.ts.server.runMutation('setDailySummary', { enabled: true, sendTime: '08:00', recipientIds: ['u-admin'] }, supervisor, clock)).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    expect(s.ts.server.engine.newTx().get('daily_summary_settings', 'company')).toBeUndefined();
  });

  it('GET /health shows the counts', async () => {
    const s = await start();
    setUp(s);
    clock = local('2026-03-11', '08:00');
    await s.msgs.dailySummary.runOnce();
    const res = await fetch(`${s.ts.server.url}/health`, { headers: { authorization: `Bearer ${s.ts.tokens['u-admin']}` } });
    const body = (await res.json()) as { dailySummary?: Record<string, number> };
    expect(body.dailySummary).toMatchObject({ composed: 1, sent: 2, skippedNoEmail: 1, pending: 0 });
  });
});
