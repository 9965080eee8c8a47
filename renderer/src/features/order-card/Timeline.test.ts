import { describe, expect, it } from 'vitest';
import { MESSAGE_CHANNELS, MESSAGE_STATES, MESSAGE_TRIGGERS, OPT_OUT_WAYS } from '../../../../shared/messages/message-vocabulary';
import type { OrderEventRow } from '../../../../shared/schema';
import { makeTranslator } from '../../i18n/translate';
import { changeLines, eventNote, eventTitle, eventWho } from './Timeline';

const recompute: OrderEventRow = {
  id: 'e1',
  orderId: 'o1',
  kind: 'edit',
  at: Date.UTC(2026, 2, 4, 5),
  fromStatus: null,
  toStatus: null,
  subMark: null,
  actor: 'system',
  actorId: 'sla-rules',
  actorName: 'SLA rules',
  source: 'system',
  reason: 'sla_rules_changed',
  comment: 'SLA deadline recomputed after an SLA rules change: 04/03/2026, 14:00 -> 04/03/2026, 16:00',
  driverId: null,
  changes: null,
  handover: null,
};

describe('timeline lines', () => {
  it('says a server recompute in the console language, with no raw code or English comment', () => {
    const ru = makeTranslator('ru');
    const line = [eventTitle(recompute, ru, () => ''), eventNote(recompute, ru), eventWho(recompute, ru)].join(' | ');
    expect(line).toContain('Срок SLA пересчитан');
    expect(line).not.toMatch(/sla_rules_changed|recomputed|SLA rules\b/);
    expect(eventTitle(recompute, makeTranslator('en'), () => '')).toBe('SLA deadline recomputed: the SLA rules changed');
  });
  it('keeps a person’s reason and comment', () => {
    const ru = makeTranslator('ru');
    const e = { ...recompute, actor: 'dispatcher', actorName: 'Айгерим', source: 'manual', kind: 'status', reason: 'refused', comment: 'звонили' } as OrderEventRow;
    expect(eventNote(e, ru)).toBe('Отказ получателя: звонили');
    expect(eventWho(e, ru)).toMatch(/^Айгерим · /);
  });
});

// The shape server/messages/message-sender.ts writes for each attempt.
const attempt = (channel: string, reason: string, comment: string): OrderEventRow => ({
  ...recompute,
  id: `m:${reason}`,
  kind: 'message',
  actor: 'system',
  actorId: channel,
  actorName: channel === 'sms' ? 'SMS' : channel,
  source: 'system',
  reason,
  comment,
});

describe('message attempts on the timeline', () => {
  it('names channel, trigger and outcome in words, never the raw code', () => {
    const e = attempt('sms', 'confirmed:sent', '+7 *** *** 45 67 · #1');
    expect(eventTitle(e, makeTranslator('ru'), () => '')).toBe('SMS: сообщение «Заказ подтверждён» отправлено');
    expect(eventTitle(e, makeTranslator('en'), () => '')).toBe('SMS: “Order confirmed” message sent');
    expect(eventNote(e, makeTranslator('ru'))).toBe('+7 *** *** 45 67 · #1');
  });
  it('has words for every trigger, channel and outcome the server can write, in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      const t = makeTranslator(lang);
      for (const channel of MESSAGE_CHANNELS)
        for (const trigger of MESSAGE_TRIGGERS)
          for (const state of [...MESSAGE_STATES, 'retrying']) {
            const e = attempt(channel, `${trigger}:${state}`, '');
            const line = `${eventTitle(e, t, () => '')} ${eventNote(e, t)}`;
            expect(line, `${lang} ${channel} ${trigger}:${state}`).not.toMatch(/[a-z]_[a-z]|[a-z]:[a-z]/);
            // Russian: no Latin word but names (the channel, SLA).
            if (lang === 'ru') expect(line.replace(/SMS|SLA|E-mail|Telegram/g, ''), `${channel} ${trigger}:${state}`).not.toMatch(/[A-Za-z]/);
          }
    }
  });
  it("says the customer's own opt-out and how, in words", () => {
    for (const way of OPT_OUT_WAYS) {
      const e = { ...attempt(way, 'customer_opted_out', ''), actorName: 'Customer', comment: null } as OrderEventRow;
      const ru = eventTitle(e, makeTranslator('ru'), () => '');
      expect(ru).toMatch(/^Клиент отказался от сообщений \((страница отслеживания|отписка в письме)\)$/);
      expect(eventTitle(e, makeTranslator('en'), () => '')).toMatch(/^The customer opted out of messages \((tracking page|unsubscribe in the e-mail)\)$/);
    }
  });
  it('says a resend request in words', () => {
    const e = { ...attempt('sms', 'link_requested', ''), actor: 'dispatcher', actorName: 'Айгерим', source: 'manual', comment: null } as OrderEventRow;
    expect(eventTitle(e, makeTranslator('ru'), () => '')).toBe('Ссылка для отслеживания отправлена повторно по запросу');
    expect(eventTitle(e, makeTranslator('en'), () => '')).toMatch(/^Tracking link sent again/);
  });
});

describe('corrections, payments and edits in words', () => {
  const base = { ...recompute, actor: 'supervisor', actorId: 'u-sup', actorName: 'Ержан', source: 'manual', reason: null, comment: null } as OrderEventRow;
  const ru = makeTranslator('ru');
  const en = makeTranslator('en');

  it('says a correction and its undo, with the person’s reason as the note', () => {
    const c = { ...base, kind: 'correction', fromStatus: 'delivered', toStatus: 'in_transit', reason: 'водитель нажал по ошибке' } as OrderEventRow;
    expect(eventTitle(c, ru, () => '')).toBe('Статус исправлен вручную: Доставлен → В пути');
    expect(eventNote(c, ru)).toBe('водитель нажал по ошибке');
    const undo = { ...c, fromStatus: 'in_transit', toStatus: 'delivered', comment: 'undo' } as OrderEventRow;
    expect(eventTitle(undo, en, () => '')).toBe('Correction undone: In transit → Delivered');
    expect(eventNote(undo, en)).not.toMatch(/undo/);
  });

  it('says a payment with the amount in the locale and the method in words', () => {
    const p = { ...base, kind: 'payment', comment: '5000 card KASPI-77' } as OrderEventRow;
    const line = `${eventTitle(p, ru, () => '')} ${eventNote(p, ru)}`;
    expect(line).toMatch(/^Оплата получена: 5\u00a0000\u00a0₸, картой, номер KASPI-77/);
    expect(line).not.toMatch(/\bcard\b/);
    expect(eventTitle({ ...p, comment: '1200 online' } as OrderEventRow, en, () => '')).toBe('Payment recorded: ₸1,200, online');
  });

  it('lists each edited field with old and new values, times in the region clock', () => {
    const e = {
      ...base,
      kind: 'edit',
      changes: [
        { field: 'deliveryAddress', old: 'Абая 10', new: 'Абая 12' },
        { field: 'windowEnd', old: null, new: Date.UTC(2026, 11, 3, 11) },
        { field: 'fragile', old: false, new: true },
        { field: 'weightKg', old: 2, new: 2.5 },
        { field: 'slaDeadline', old: Date.UTC(2026, 11, 3, 9), new: Date.UTC(2026, 11, 3, 11) },
      ],
    } as OrderEventRow;
    expect(changeLines(e, ru)).toEqual([
      'Адрес доставки: Абая 10 → Абая 12',
      'Конец интервала: — → 03.12.2026, 16:00',
      'Хрупкий: нет → да',
      'Вес: 2 кг → 2,5 кг',
      'Срок SLA: 03.12.2026, 14:00 → 03.12.2026, 16:00',
    ]);
    expect(changeLines({ changes: null }, ru)).toEqual([]);
  });
});

describe('hand-overs in words', () => {
  const base = { ...recompute, kind: 'handover', actor: 'dispatcher', actorId: 'u-d', actorName: 'Айгерим', source: 'manual', reason: null, comment: null } as OrderEventRow;
  const ru = makeTranslator('ru');
  const en = makeTranslator('en');

  it('says to whom the order went, never the raw kind', () => {
    const carrier = { ...base, handover: { to: 'carrier', name: 'ТОО Жол Транс', securityOverride: true } } as OrderEventRow;
    expect(eventTitle(carrier, ru, () => '')).toBe('Передан перевозчику ТОО Жол Транс: без пройденной проверки безопасности');
    expect(eventTitle(carrier, en, () => '')).toBe('Handed to the carrier ТОО Жол Транс: security check overridden');
    const courier = { ...base, handover: { to: 'courier', name: 'CDEK', trackingNumber: '1234567890', viaApi: true } } as OrderEventRow;
    expect(eventTitle(courier, en, () => '')).toBe('Handed to the courier service CDEK: tracking number 1234567890, shipment requested through its API');
    const refused = { ...base, handover: { to: 'courier', name: 'CDEK', viaApi: true, failed: true } } as OrderEventRow;
    expect(eventTitle(refused, ru, () => '')).toBe('Передан курьерской службе CDEK: отправление заказано через её API, служба не приняла заказ');
    const back = { ...base, handover: { to: 'own', name: null } } as OrderEventRow;
    expect(eventTitle(back, ru, () => '')).toBe('Возвращён своему автопарку');
    expect(eventTitle({ ...base, handover: null } as OrderEventRow, en, () => '')).toBe('Taken back to our own fleet');
    for (const e of [carrier, courier, refused, back]) expect(eventTitle(e, en, () => '')).not.toMatch(/handover|event\./);
  });
});
