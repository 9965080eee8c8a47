// The words of SLA alerts: kinds, states, audiences and the customer/manager tasks an alert
// carries. Kept free of drizzle and zod-heavy logic so the schema, the server, main and the
// renderer all read the same lists.
import { z } from 'zod';

/**
 * sla_warning: the responsible dispatcher, `warnBeforeMinutes` before the deadline.
 * sla_critical: their supervisor, `supervisorWarnBeforeMinutes` (30 min) before.
 * sla_breach: the deadline passed; a task for the supervisor, the order joins the priority queue.
 * not_taken / not_picked: the processing reminders (shared/domain/processing-reminders.ts).
 * predicted_late: the responsible dispatcher, as soon as the predicted arrival is after the
 * deadline or close to it (shared/eta/arrival-risk.ts), however much time is left.
 * carrier_loading: 2 hours before a carrier's loading time, call the carrier and check the
 * loading (seed 004); carrier_call: while a carrier's order is in transit, call the carrier every
 * N minutes of its service's policy (shared/alerts/carrier-alerts.ts). Both to whoever handed the
 * order to the carrier, a logistician too, else the dispatcher (shared/alerts/alert-recipient.ts).
 */
export const ORDER_ALERT_KINDS = ['sla_warning', 'sla_critical', 'sla_breach', 'not_taken', 'not_picked', 'predicted_late', 'carrier_loading', 'carrier_call'] as const;
export type OrderAlertKind = (typeof ORDER_ALERT_KINDS)[number];

/**
 * Alerts about a warehouse rather than an order (orderId null, warehouseId set).
 * no_shift_start: nobody of the warehouse's drivers has started the day by the time an admin
 * set for it, on a working day (shared/alerts/shift-start-alert.ts); to the supervisors.
 */
export const WAREHOUSE_ALERT_KINDS = ['no_shift_start'] as const;
export type WarehouseAlertKind = (typeof WAREHOUSE_ALERT_KINDS)[number];

export const ALERT_KINDS = [...ORDER_ALERT_KINDS, ...WAREHOUSE_ALERT_KINDS] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** open -> acknowledged (a person saw it) -> resolved (the reason went away); resolved keeps the ack. */
export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_AUDIENCES = ['dispatcher', 'supervisor'] as const;
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];

/**
 * Why an alert stopped being relevant without anyone acting on it (condition_cleared also:
 * a driver of the warehouse started the day after no_shift_start was raised):
 * superseded: a later stage was already due when it was recorded (the server was down through it);
 * order_finished: delivered, closed or cancelled; deadline_changed: an admin's policy change moved
 * the deadline; condition_cleared: the reminder's condition no longer holds (taken, picked,
 * loaded, taken back from the carrier). A carrier_call is superseded by the next call.
 */
export const ALERT_RESOLUTIONS = ['superseded', 'order_finished', 'deadline_changed', 'condition_cleared'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

/** What a task asks a person to do. The customer-facing ones come from the policy's breach actions. */
export const ALERT_TASK_ACTIONS = [
  'supervisor_task',
  'notify_manager',
  'email_manager',
  'call_customer',
  'sms_customer',
  'email_customer',
  'sms_director',
  'call_carrier',
] as const;
export type AlertTaskAction = (typeof ALERT_TASK_ACTIONS)[number];

export const ALERT_TASK_CHANNELS = ['task', 'phone', 'sms', 'email'] as const;
export type AlertTaskChannel = (typeof ALERT_TASK_CHANNELS)[number];

const bilingual = z.object({ ru: z.string().max(4000), en: z.string().max(4000) });
export type BilingualText = z.infer<typeof bilingual>;

/** One thing to do, ready for one click: the contact and the text in Russian and English. */
export const alertTaskSchema = z.object({
  action: z.enum(ALERT_TASK_ACTIONS),
  channel: z.enum(ALERT_TASK_CHANNELS),
  /** Phone number or e-mail address; null when unknown (e.g. no e-mail on file). */
  to: z.string().max(320).nullable(),
  /** Who `to` is: the customer's name, "Director", the dispatcher's name. */
  toName: z.string().max(200).nullable(),
  /** E-mail subject (email channel only). */
  subject: bilingual.nullable(),
  text: bilingual,
});
export type AlertTask = z.infer<typeof alertTaskSchema>;
