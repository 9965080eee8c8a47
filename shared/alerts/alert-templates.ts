// The texts of alerts and of their tasks, in Russian and English. Times are written in the
// order's region time (the calendar's fixed UTC offset), as the customer and dispatcher read
// them. Templates are plain functions: no i18n library on the server.
import type { SlaBreachAction } from '../domain/sla-policy';
import { formatDuration } from '../domain/duration-format';
import type { AlertKind, AlertTask, BilingualText } from './alert-vocabulary';

export interface TemplateOrder {
  number: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
}

/** "14:05 27.03.2026" in the local time of a UTC offset. */
export function formatLocalTime(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** formatDuration in Russian: "2 ч 15 мин", "1 д 3 ч". */
export function formatDurationRu(ms: number): string {
  return formatDuration(ms).replace(/ d\b/g, ' д').replace(/ h\b/g, ' ч').replace(/ min\b/g, ' мин');
}

export interface MessageParams {
  order: TemplateOrder;
  /** The SLA deadline or the reminder's start, formatted in local time. */
  deadline: string;
  /** How long the order has waited (reminders), ms. */
  waitedMs: number;
}

/** The alert's one-line message. */
export function alertMessage(kind: AlertKind, p: MessageParams): BilingualText {
  const n = p.order.number;
  const c = p.order.customerName;
  switch (kind) {
    case 'sla_warning':
      return {
        ru: `Заказ ${n} (${c}): приближается срок SLA — ${p.deadline}.`,
        en: `Order ${n} (${c}): the SLA deadline is near — ${p.deadline}.`,
      };
    case 'sla_critical':
      return {
        ru: `Заказ ${n} (${c}): до срока SLA меньше получаса (${p.deadline}), нужен руководитель.`,
        en: `Order ${n} (${c}): the SLA deadline is less than half an hour away (${p.deadline}); supervisor attention needed.`,
      };
    case 'sla_breach':
      return {
        ru: `Заказ ${n} (${c}): срок SLA нарушен (${p.deadline}). Заказ в приоритетной очереди.`,
        en: `Order ${n} (${c}): SLA deadline missed (${p.deadline}). The order is in the priority queue.`,
      };
    case 'not_taken':
      return {
        ru: `Заказ ${n} (${c}) не взят в работу ${formatDurationRu(p.waitedMs)} с момента поступления.`,
        en: `Order ${n} (${c}) has not been taken into work for ${formatDuration(p.waitedMs)} since it arrived.`,
      };
    case 'not_picked':
      return {
        ru: `Заказ ${n} (${c}) подтверждён ${formatDurationRu(p.waitedMs)} назад и всё ещё не собран.`,
        en: `Order ${n} (${c}) was confirmed ${formatDuration(p.waitedMs)} ago and is still not picked.`,
      };
  }
}

export interface BreachTaskParams {
  order: TemplateOrder;
  deadline: string;
  actions: readonly SlaBreachAction[];
  /** The responsible dispatcher (manager) and the supervisor, by name. */
  managerName: string | null;
  supervisorName: string | null;
  /** The director's phone for VIP escalations, when configured. */
  directorPhone: string | null;
}

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
        ru: `Разобраться с нарушением SLA по заказу ${o.number} (${o.customerName}, срок ${p.deadline}): назначить ответственного, связаться с клиентом, записать причину.`,
        en: `Handle the SLA breach of order ${o.number} (${o.customerName}, deadline ${p.deadline}): name who is responsible, contact the customer, record the cause.`,
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
          ru: `Срок SLA по заказу ${o.number} нарушен (${p.deadline}). Свяжитесь с клиентом и доставьте заказ в первую очередь.`,
          en: `The SLA deadline of order ${o.number} was missed (${p.deadline}). Contact the customer and deliver it first.`,
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
          ru: `Срок SLA по заказу ${o.number} (${o.customerName}) истёк ${p.deadline}. Заказ в приоритетной очереди.`,
          en: `The SLA deadline of order ${o.number} (${o.customerName}) passed at ${p.deadline}. The order is in the priority queue.`,
        },
      });
    } else if (action === 'call_customer') {
      tasks.push(customerCall(o));
    } else if (action === 'notify_customer') {
      tasks.push(customerSms(o));
      if (o.customerEmail) tasks.push(customerEmail(o));
    } else if (action === 'sms_director') {
      tasks.push({
        action,
        channel: 'sms',
        to: p.directorPhone,
        toName: 'Director',
        subject: null,
        text: {
          ru: `Нарушен SLA VIP-клиента ${o.customerName}: заказ ${o.number}, срок был ${p.deadline}.`,
          en: `VIP SLA missed for ${o.customerName}: order ${o.number}, deadline was ${p.deadline}.`,
        },
      });
    }
  }
  const reachesCustomer = tasks.some((t) => t.action === 'call_customer' || t.action === 'sms_customer' || t.action === 'email_customer');
  if (!reachesCustomer) tasks.push(o.customerPhone ? customerSms(o) : customerEmail(o));
  return tasks;
}
