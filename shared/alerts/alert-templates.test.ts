// The alert and task texts: each kind says its own thing with the order's number, customer and
// time in both languages, and a breach's tasks follow the policy's actions (issue 20: the
// mutation run found every template branch could change with no test noticing).
import { describe, expect, it } from 'vitest';
import { ORDER_ALERT_KINDS as ALERT_KINDS } from './alert-vocabulary';
import { alertMessage, breachTasks, carrierTasks, formatLocalTime, type BreachTaskParams, type TemplateOrder } from './alert-templates';
import type { CarrierAlertDeal } from './carrier-alerts';

const order: TemplateOrder = { number: 'MR-1042', customerName: 'Айгерим Сапарова', customerPhone: '+77011234567', customerEmail: 'a@example.kz' };
const deadline = { ru: '27.03.2026, 14:05', en: '27/03/2026, 14:05' };

describe('alertMessage', () => {
  const params = { order, deadline, waitedMs: 45 * 60_000 };

  it('names the order and the customer in both languages for every kind', () => {
    for (const kind of ALERT_KINDS) {
      const text = alertMessage(kind, params);
      for (const lang of ['ru', 'en'] as const) {
        expect(text[lang], `${kind}/${lang}`).toContain('MR-1042');
        expect(text[lang], `${kind}/${lang}`).toContain('Айгерим Сапарова');
      }
    }
  });

  it('gives every kind its own words', () => {
    const ru = new Set(ALERT_KINDS.map((k) => alertMessage(k, params).ru));
    const en = new Set(ALERT_KINDS.map((k) => alertMessage(k, params).en));
    expect(ru.size).toBe(ALERT_KINDS.length);
    expect(en.size).toBe(ALERT_KINDS.length);
  });

  it('writes the deadline into the SLA stages and the waiting time into the reminders', () => {
    for (const kind of ['sla_warning', 'sla_critical', 'sla_breach'] as const) {
      const text = alertMessage(kind, params);
      expect(text.ru).toContain(deadline.ru);
      expect(text.en).toContain(deadline.en);
    }
    for (const kind of ['not_taken', 'not_picked'] as const) {
      const text = alertMessage(kind, params);
      expect(text.ru).toMatch(/45 мин/);
      expect(text.en).toMatch(/45 min/);
      expect(text.ru).not.toContain(deadline.ru);
    }
  });

  it('says what each stage means', () => {
    expect(alertMessage('sla_warning', params).en).toMatch(/deadline is near/);
    expect(alertMessage('sla_critical', params).en).toMatch(/supervisor attention/);
    expect(alertMessage('sla_breach', params).en).toMatch(/missed.*priority queue/);
    expect(alertMessage('not_taken', params).en).toMatch(/not been taken into work/);
    expect(alertMessage('not_picked', params).en).toMatch(/still not picked/);
    expect(alertMessage('sla_breach', params).ru).toMatch(/нарушен/);
    expect(alertMessage('not_picked', params).ru).toMatch(/не собран/);
  });
});

describe('formatLocalTime', () => {
  it('writes the moment in the region time of the offset, in both languages', () => {
    const at = Date.UTC(2026, 2, 27, 9, 5);
    const almaty = formatLocalTime(at, 300);
    expect(almaty.ru).toContain('14:05');
    expect(almaty.en).toContain('14:05');
    expect(formatLocalTime(at, 0).ru).toContain('09:05');
  });
});

describe('breachTasks', () => {
  const base: BreachTaskParams = { order, deadline, actions: [], managerName: 'Ержан', supervisorName: 'Ольга', directorPhone: '+77010000001' };
  const actions = (p: Partial<BreachTaskParams>) => breachTasks({ ...base, ...p }).map((t) => t.action);

  it('always starts with the supervisor task, naming the supervisor, the order and the deadline', () => {
    const [first] = breachTasks(base);
    expect(first).toMatchObject({ action: 'supervisor_task', channel: 'task', to: null, toName: 'Ольга', subject: null });
    expect(first?.text.ru).toContain('MR-1042');
    expect(first?.text.ru).toContain(deadline.ru);
    expect(first?.text.en).toContain(deadline.en);
    expect(first?.text.en).toContain('Айгерим Сапарова');
  });

  it('apologises to the customer by SMS when no action reaches them, and by e-mail when there is no phone', () => {
    expect(actions({})).toEqual(['supervisor_task', 'sms_customer']);
    expect(actions({ actions: ['notify_manager'] })).toEqual(['supervisor_task', 'notify_manager', 'sms_customer']);
    const noPhone = breachTasks({ ...base, order: { ...order, customerPhone: '' } });
    expect(noPhone.map((t) => t.action)).toEqual(['supervisor_task', 'email_customer']);
    expect(noPhone[1]).toMatchObject({ channel: 'email', to: 'a@example.kz', toName: 'Айгерим Сапарова' });
    expect(noPhone[1]?.subject?.en).toContain('MR-1042');
  });

  it('adds no second apology when an action already reaches the customer', () => {
    expect(actions({ actions: ['call_customer'] })).toEqual(['supervisor_task', 'call_customer']);
    expect(actions({ actions: ['notify_customer'] })).toEqual(['supervisor_task', 'sms_customer', 'email_customer']);
    expect(actions({ actions: ['notify_customer'], order: { ...order, customerEmail: null } })).toEqual(['supervisor_task', 'sms_customer']);
  });

  it('fills each task with its channel, contact and words', () => {
    const tasks = breachTasks({ ...base, actions: ['notify_manager', 'email_manager', 'call_customer', 'notify_customer', 'sms_director'] });
    const by = new Map(tasks.map((t) => [t.action, t]));
    expect(by.get('notify_manager')).toMatchObject({ channel: 'task', to: null, toName: 'Ержан', subject: null });
    expect(by.get('notify_manager')?.text.en).toMatch(/MR-1042 was missed \(27\/03\/2026, 14:05\)/);
    expect(by.get('notify_manager')?.text.ru).toContain(deadline.ru);
    expect(by.get('email_manager')).toMatchObject({ channel: 'email', to: null, toName: 'Ержан', subject: { ru: 'Нарушен срок SLA: заказ MR-1042', en: 'SLA deadline missed: order MR-1042' } });
    expect(by.get('email_manager')?.text.ru).toContain('Айгерим Сапарова');
    expect(by.get('email_manager')?.text.en).toContain(deadline.en);
    expect(by.get('call_customer')).toMatchObject({ channel: 'phone', to: '+77011234567', toName: 'Айгерим Сапарова', subject: null });
    expect(by.get('call_customer')?.text.ru).toContain('MR-1042');
    expect(by.get('call_customer')?.text.en).toContain('Hello Айгерим Сапарова');
    expect(by.get('sms_customer')).toMatchObject({ channel: 'sms', to: '+77011234567', subject: null });
    expect(by.get('sms_customer')?.text.ru).toContain('MR-1042');
    expect(by.get('sms_customer')?.text.en).toContain('MR-1042');
    expect(by.get('email_customer')).toMatchObject({ channel: 'email', to: 'a@example.kz', subject: { ru: 'Задержка заказа MR-1042', en: 'Order MR-1042 is delayed' } });
    expect(by.get('email_customer')?.text.ru).toContain('Здравствуйте, Айгерим Сапарова!');
    expect(by.get('email_customer')?.text.en).toContain('Dear Айгерим Сапарова');
    expect(by.get('sms_director')).toMatchObject({ channel: 'sms', to: '+77010000001', toName: 'Director', subject: null });
    expect(by.get('sms_director')?.text.ru).toContain(deadline.ru);
    expect(by.get('sms_director')?.text.en).toMatch(/VIP SLA missed for Айгерим Сапарова: order MR-1042/);
    expect(tasks).toHaveLength(7);
  });

  it('leaves the contact empty rather than inventing one', () => {
    const tasks = breachTasks({ ...base, order: { ...order, customerPhone: '' }, actions: ['call_customer', 'notify_customer'] });
    expect(tasks.find((t) => t.action === 'call_customer')?.to).toBeNull();
    expect(tasks.find((t) => t.action === 'sms_customer')?.to).toBeNull();
  });
});

describe('carrier alerts', () => {
  const deal: CarrierAlertDeal = { carrierName: 'ТрансКаз', carrierPhone: '+77015550000', contact: 'Бауыржан', loadingAt: null, dealAt: 0 };
  const params = { order, deadline, waitedMs: 0, carrier: deal };

  it('names the carrier in the message, and a question mark where the deal (or the prediction) is missing', () => {
    for (const kind of ['carrier_loading', 'carrier_call'] as const) {
      expect(alertMessage(kind, params).ru).toContain('ТрансКаз');
      expect(alertMessage(kind, params).en).toContain('carrier ТрансКаз');
      const bare = alertMessage(kind, { order, deadline, waitedMs: 0 });
      expect(bare.ru).toContain('перевозчика ?');
      expect(bare.en).toContain('carrier ?');
    }
    const unknownArrival = alertMessage('predicted_late', { order, deadline, waitedMs: 0 });
    expect(unknownArrival.ru).toContain('прибудет ?,');
    expect(unknownArrival.en).toContain('arrive ?,');
  });

  it('calls the carrier by phone, naming the contact only when the deal has one', () => {
    const [task] = carrierTasks('carrier_loading', { order, carrier: deal, deadline });
    expect(task).toMatchObject({ action: 'call_carrier', channel: 'phone', to: '+77015550000', toName: 'ТрансКаз (Бауыржан)', subject: null });
    expect(carrierTasks('carrier_call', { order, carrier: { ...deal, contact: null }, deadline })[0]?.toName).toBe('ТрансКаз');
    expect(carrierTasks('carrier_call', { order, carrier: { ...deal, contact: '' }, deadline })[0]?.toName).toBe('ТрансКаз');
    expect(carrierTasks('carrier_call', { order, carrier: { ...deal, carrierPhone: '' }, deadline })[0]?.to).toBeNull();
    // No deal (an own-fleet order, or one taken back from the carrier): nobody to call.
    expect(carrierTasks('carrier_call', { order, carrier: null, deadline })).toEqual([]);
    expect(carrierTasks('carrier_loading', { order, carrier: null, deadline })).toEqual([]);
  });

  it('asks about the loading before it and about the cargo on the road, in both languages', () => {
    const loading = carrierTasks('carrier_loading', { order, carrier: deal, deadline })[0]?.text;
    expect(loading?.ru).toMatch(/^Погрузка по заказу MR-1042 в 27\.03\.2026, 14:05/);
    expect(loading?.en).toMatch(/^Loading of order MR-1042 at 27\/03\/2026, 14:05: is the truck there/);
    const onRoad = carrierTasks('carrier_call', { order, carrier: deal, deadline })[0]?.text;
    expect(onRoad?.ru).toMatch(/^Заказ MR-1042 в пути: где сейчас машина/);
    expect(onRoad?.en).toMatch(/^Order MR-1042 on the road: where is the truck now/);
  });

  it('keeps the name of whom to call within the 200 characters a task allows', () => {
    const long = { ...deal, carrierName: 'К'.repeat(250) };
    expect(carrierTasks('carrier_call', { order, carrier: long, deadline })[0]?.toName).toBe('К'.repeat(200));
  });
});
