// SLA alerts on the desktop (issue 7): the synced alert rows as a list with counts, the
// acknowledgement, and the admin's SLA settings (policies, calendars, VIP contracts).
// The server records alerts; the desktop only reads them and acknowledges.
import { z } from 'zod';
import type { AlertAudience, AlertKind, AlertResolution, AlertState, AlertTask } from '../alerts/alert-vocabulary';
import { slaPolicySchema, type SlaPolicy, type SlaPolicyKey } from '../domain/sla-policy';
import type { OrderStatus } from '../domain/vocabulary';
import { timeOfDaySchema } from '../domain/time-of-day';
import type { MessageChannel, MessageState } from '../messages/message-vocabulary';
import { command, idSchema, noArgs, query } from './define';

/** active = open + acknowledged (what still needs attention). */
export const ALERT_LIST_STATES = ['active', 'open', 'acknowledged', 'resolved', 'all'] as const;
export type AlertListState = (typeof ALERT_LIST_STATES)[number];

export interface AlertView {
  id: string;
  /** null for a warehouse alert (no_shift_start). */
  orderId: string | null;
  orderNumber: string | null;
  /** The warehouse a warehouse alert is about (a click opens its drivers); null for order alerts. */
  warehouseId: string | null;
  /** null when the warehouse is not in the replica, or for order alerts. */
  warehouseName: string | null;
  /** null when the order is not in the replica (deleted). */
  orderStatus: OrderStatus | null;
  kind: AlertKind;
  state: AlertState;
  audience: AlertAudience;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Addressed to the signed-in user. */
  mine: boolean;
  priority: boolean;
  customerName: string;
  messageRu: string;
  messageEn: string;
  tasks: AlertTask[];
  dueAt: number;
  triggeredAt: number;
  acknowledgedAt: number | null;
  acknowledgedByName: string | null;
  resolvedAt: number | null;
  resolution: AlertResolution | null;
  /** A local acknowledgement waits for the server. */
  pending: boolean;
  /** Where the alert was sent outside the app (Telegram, e-mail) and how that went. */
  deliveries: AlertDelivery[];
}

/** One staff notice of an alert: to whom, by what, and its outcome (server/messages/staff-notify.ts). */
export interface AlertDelivery {
  channel: MessageChannel;
  recipientName: string;
  /** sent; queued / sending (on its way); failed (error says why); unknown; suppressed (error 'quiet_hours'). */
  state: MessageState;
  error: string | null;
  /** When it was sent, else when it was last touched. */
  at: number;
}

export interface AlertCounts {
  open: number;
  /** Open and addressed to the signed-in user. */
  openMine: number;
  /** Orders in the priority queue: unresolved breaches. */
  priority: number;
  acknowledged: number;
}

export interface AlertList {
  /** Open first, then newest first. */
  items: AlertView[];
  counts: AlertCounts;
}

export interface RegionCalendarView {
  id: string;
  name: string;
  utcOffsetMinutes: number;
  workingDays: number[];
  workStartMinute: number;
  workEndMinute: number;
  holidays: string[];
}

export interface CustomerVipView {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  vipNormMinutes: number | null;
}

/** A warehouse's "some driver started the day by" time (issue 18): minutes after local midnight, null = off. */
export interface WarehouseShiftStartView {
  id: string;
  name: string;
  city: string;
  shiftStartAlertMinute: number | null;
}

export interface SlaSettingsView {
  /** Effective policies, in SLA_POLICY_KEYS order. */
  policies: SlaPolicy[];
  /** Which policies an admin changed (the rest are the shipped defaults). */
  customized: SlaPolicyKey[];
  regions: RegionCalendarView[];
  vipCustomers: CustomerVipView[];
  warehouses: WarehouseShiftStartView[];
  /** Only admins edit; everyone may look. */
  canEdit: boolean;
}

const minute = z.number().int().min(0).max(1440);

export const alertsApi = {
  listAlerts: query<AlertList>()(
    z
      .object({
        state: z.enum(ALERT_LIST_STATES).default('active'),
        mine: z.boolean().optional(),
        priority: z.boolean().optional(),
        limit: z.number().int().positive().max(2000).default(300),
      })
      .strict()
      .optional(),
  ),
  alertCounts: query<AlertCounts>()(noArgs),
  acknowledgeAlert: command(z.object({ alertId: z.string().min(1).max(256) }).strict()),

  slaSettings: query<SlaSettingsView>()(noArgs),
  findCustomers: query<CustomerVipView[]>()(z.object({ search: z.string().trim().min(1).max(100) }).strict()),
  updateSlaPolicy: command(z.object({ policy: slaPolicySchema }).strict()),
  updateRegionCalendar: command(
    z
      .object({
        regionId: idSchema,
        workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
        workStartMinute: minute.optional(),
        workEndMinute: minute.optional(),
        holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'holiday dates are YYYY-MM-DD')).max(1000).optional(),
      })
      .strict(),
  ),
  setCustomerVip: command(
    z.object({ customerId: idSchema, vipNormMinutes: z.number().int().min(1).max(365 * 24 * 60).nullable() }).strict(),
  ),
  setWarehouseShiftStartAlert: command(z.object({ warehouseId: idSchema, time: timeOfDaySchema.nullable() }).strict()),
} as const;
