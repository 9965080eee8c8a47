// The texts of alerts and of their tasks, in Russian and English. Times are written in the
// order's region time (the calendar's fixed UTC offset), as the customer and dispatcher read
// them. Templates are plain functions: no i18n library on the server.
import type { SlaBreachAction } from '../domain/sla-policy';
import { formatterFor } from '../locale';
import type { AlertTask, BilingualText, OrderAlertKind } from './alert-vocabulary';
import type { CarrierAlertDeal } from './carrier-alerts';

export interface TemplateOrder {
  number: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
}

/** "27.03.2026, 14:05" / "27/03/2026, 14:05" in the local time of a UTC offset (shared/locale). */
export function formatLocalTime(ms: number, utcOffsetMinutes: number): BilingualText {
  return { ru: formatterFor('ru', utcOffsetMinutes).dateTime(ms), en: formatterFor('en', utcOffsetMinutes).dateTime(ms) };
}

const durationIn = (lang: 'ru' | 'en', ms: number): string => formatterFor(lang).duration(ms);

export interface MessageParams {
  order: TemplateOrder;
  /** The SLA deadline or the reminder's start, formatted in local time in each language. */
  deadline: BilingualText;
  /** How long the order has waited (reminders), ms. */
  waitedMs: number;
  /** The predicted arrival (predicted_late), formatted like the deadline. */
  predicted?: BilingualText;
  /** The carrier's deal (carrier_loading, carrier_call); null or absent for the other kinds. */
  carrier?: CarrierAlertDeal | null;
}

/** The alert's one-line message. */
export function alertMessage(kind: OrderAlertKind, p: MessageParams): BilingualText {
  const n = p.order.number;
  const c = p.order.customerName;
  switch (kind) {
    case 'sla_warning':
      return {
        ru: `Заказ ${n} (${c}): приближается срок SLA — ${p.deadline.ru}.`,
        en: `Order ${n} (${c}): the SLA deadline is near — ${p.deadline.en}.`,
      };
    case 'sla_critical':
      return {
        ru: `Заказ ${n} (${c}): до срока SLA меньше получаса (${p.deadline.ru}), нужен руководитель.`,
        en: `Order ${n} (${c}): the SLA deadline is less than half an hour away (${p.deadline.en}); supervisor attention needed.`,
      };
    case 'sla_breach':
      return {
        ru: `Заказ ${n} (${c}): срок SLA нарушен (${p.deadline.ru}). Заказ в приоритетной очереди.`,
        en: `Order ${n} (${c}): SLA deadline missed (${p.deadline.en}). The order is in the priority queue.`,
      };
    case 'not_taken':
      return {
        ru: `Заказ ${n} (${c}) не взят в работу ${durationIn('ru', p.waitedMs)} с момента поступления.`,
        en: `Order ${n} (${c}) has not been taken into work for ${durationIn('en', p.waitedMs)} since it arrived.`,
      };
    case 'not_picked':
      return {
        ru: `Заказ ${n} (${c}) подтверждён ${durationIn('ru', p.waitedMs)} назад и всё ещё не собран.`,
        // Stryker disable next-line StringLiteral: '' has no Intl tag, so Intl falls back to the host's locale, English where tests run
        en: `Order ${n} (${c}) was confirmed ${durationIn('en', p.waitedMs)} ago and is still not picked.`,
      };
    case 'predicted_late':
      return {
        ru: `Заказ ${n} (${c}): по прогнозу водитель прибудет ${p.predicted?.ru ?? '?'}, а срок SLA — ${p.deadline.ru}.`,
        en: `Order ${n} (${c}): the driver is predicted to arrive ${p.predicted?.en ?? '?'}, the SLA deadline is ${p.deadline.en}.`,
      };
    case 'carrier_loading': {
      const who = p.carrier?.carrierName ?? '?';
      return {
        ru: `Заказ ${n} (${c}): погрузка у перевозчика ${who} в ${p.deadline.ru}. Позвоните перевозчику и проконтролируйте погрузку.`,
        en: `Order ${n} (${c}): carrier ${who} loads at ${p.deadline.en}. Call the carrier and check the loading.`,
      };
    }
    case 'carrier_call': {
      const who = p.carrier?.carrierName ?? '?';
      return {
        ru: `Заказ ${n} (${c}) в пути у перевозчика ${who}: позвоните перевозчику и уточните, где груз и когда разгрузка.`,
        en: `Order ${n} (${c}) is on the road with carrier ${who}: call the carrier and ask where the cargo is and when it unloads.`,
      };
    }
  }
}

/** The one task of a carrier alert: call the carrier (its phone; the deal's contact by name). None without a deal. */
export function carrierTasks(kind: 'carrier_loading' | 'carrier_call', p: { order: TemplateOrder; carrier: CarrierAlertDeal | null; deadline: BilingualText }): AlertTask[] {
  if (p.carrier === null) return [];
  const o = p.order;
  const contact = p.carrier.contact === null || p.carrier.contact === '' ? '' : ` (${p.carrier.contact})`;
  const text: BilingualText =
    kind === 'carrier_loading'
      ? {
          ru: `Погрузка по заказу ${o.number} в ${p.deadline.ru}: машина подана, водитель на месте, документы готовы? Запишите ответ комментарием.`,
          en: `Loading of order ${o.number} at ${p.deadline.en}: is the truck there, the driver on site, the papers ready? Write the answer as a comment.`,
        }
      : {
          ru: `Заказ ${o.number} в пути: где сейчас машина, всё ли в порядке с грузом, когда разгрузка? Запишите ответ комментарием.`,
          en: `Order ${o.number} on the road: where is the truck now, is the cargo all right, when does it unload? Write the answer as a comment.`,
        };
  return [{ action: 'call_carrier', channel: 'phone', to: p.carrier.carrierPhone || null, toName: `${p.carrier.carrierName}${contact}`.slice(0, 200), subject: null, text }];
}

export interface BreachTaskParams {
  order: TemplateOrder;
  deadline: BilingualText;
  actions: readonly SlaBreachAction[];
  /** The responsible dispatcher (manager) and the supervisor, by name. */
  managerName: string | null;
  supervisorName: string | null;
  /** The director's phone for VIP escalations, when configured. */
  directorPhone: string | null;
}

/** The tasks that reach the customer: a breach's actions without one of them get an SMS (or an e-mail). */
const REACHING_CUSTOMER: readonly AlertTask['action'][] = [
  'call_customer',
  'sms_customer',
  // email_customer never comes without sms_customer today; it is listed so a policy that ever
  // e-mails alone still counts as reaching the customer.
  // Stryker disable next-line StringLiteral: equivalent today (see above)
  'email_customer',
];

function customerSms(o: TemplateOrder): AlertTask {
  return {
    action: 'sms_customer',
    channel: 'sms',
    to: o.customerPhone || null,
    toName: o.customerName,
    subject: null,
    text: {
      ru: `«Маршрут»: заказ ${o.number} задерживается, приносим извинения. Мы сообщим новое время доставки.`,
      en: `Marshrut: order ${o.number} is delayed, we apologise. We will let you know the new delivery time.`,
    },
  };
}

function customerEmail(o: TemplateOrder): AlertTask {
  return {
    action: 'email_customer',
    channel: 'email',
    to: o.customerEmail,
    toName: o.customerName,
    subject: { ru: `Задержка заказа ${o.number}`, en: `Order ${o.number} is delayed` },
    text: {
      ru: `Здравствуйте, ${o.customerName}!\n\nПриносим извинения: доставка заказа ${o.number} задерживается. Мы уже занимаемся этим и сообщим новое время доставки в ближайшее время.\n\nС уважением,\nслужба доставки «Маршрут»`,
      en: `Dear ${o.customerName},\n\nWe apologise: the delivery of order ${o.number} is delayed. We are on it and will let you know the new delivery time shortly.\n\nKind regards,\nMarshrut delivery`,
    },
  };
}

function customerCall(o: TemplateOrder): AlertTask {
  return {
    action: 'call_customer',
    channel: 'phone',
    to: o.customerPhone || null,
    toName: o.customerName,
    subject: null,
    text: {
      ru: `Здравствуйте, ${o.customerName}! Это служба доставки «Маршрут». Приносим извинения: заказ ${o.number} задерживается. Уточните удобное время и назовите новый срок доставки.`,
      en: `Hello ${o.customerName}, this is Marshrut delivery. We apologise: order ${o.number} is delayed. Agree a convenient time and give the new delivery time.`,
    },
  };
}

/**
 * The tasks of a breach: the supervisor's task, the policy's breach actions (the brief's
 * escalation column), and an apology to the customer when no action already reaches them.
 */
export function breachTasks(p: BreachTaskParams): AlertTask[] {
  const o = p.order;
  const tasks: AlertTask[] = [
    {
      action: 'supervisor_task',
      channel: 'task',
      to: null,
      toName: p.supervisorName,
      subject: null,
      text: {
        ru: `Разобраться с нарушением SLA по заказу ${o.number} (${o.customerName}, срок ${p.deadline.ru}): назначить ответственного, связаться с клиентом, записать причину.`,
        en: `Handle the SLA breach of order ${o.number} (${o.customerName}, deadline ${p.deadline.en}): name who is responsible, contact the customer, record the cause.`,
      },
    },
  ];
  for (const action of p.actions) {
    if (action === 'notify_manager') {
      tasks.push({
        action,
        channel: 'task',
        to: null,
        toName: p.managerName,
        subject: null,
        text: {
          ru: `Срок SLA по заказу ${o.number} нарушен (${p.deadline.ru}). Свяжитесь с клиентом и доставьте заказ в первую очередь.`,
          en: `The SLA deadline of order ${o.number} was missed (${p.deadline.en}). Contact the customer and deliver it first.`,
        },
      });
    } else if (action === 'email_manager') {
      tasks.push({
        action,
        channel: 'email',
        to: null,
        toName: p.managerName,
        subject: { ru: `Нарушен срок SLA: заказ ${o.number}`, en: `SLA deadline missed: order ${o.number}` },
        text: {
          ru: `Срок SLA по заказу ${o.number} (${o.customerName}) истёк ${p.deadline.ru}. Заказ в приоритетной очереди.`,
          en: `The SLA deadline of order ${o.number} (${o.customerName}) passed at ${p.deadline.en}. The order is in the priority queue.`,
        },
      });
    } else if (action === 'call_customer') {
      tasks.push(customerCall(o));
    } else if (action === 'notify_customer') {
      tasks.push(customerSms(o));
      if (o.customerEmail) tasks.push(customerEmail(o));
    } else {
      // The last action left (the compiler checks the list is exhausted).
      action satisfies 'sms_director';
      tasks.push({
        action,
        channel: 'sms',
        to: p.directorPhone,
        toName: 'Director',
        subject: null,
        text: {
          ru: `Нарушен SLA VIP-клиента ${o.customerName}: заказ ${o.number}, срок был ${p.deadline.ru}.`,
          en: `VIP SLA missed for ${o.customerName}: order ${o.number}, deadline was ${p.deadline.en}.`,
        },
      });
    }
  }
  const reachesCustomer = tasks.some((t) => REACHING_CUSTOMER.includes(t.action));
  if (!reachesCustomer) tasks.push(o.customerPhone ? customerSms(o) : customerEmail(o));
  return tasks;
}
