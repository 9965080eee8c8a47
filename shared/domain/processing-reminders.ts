// Processing reminders: orders stuck before the SLA even matters. "Not taken": still New too
// long after it arrived. "Not picked": Confirmed too long and the warehouse hasn't picked it.
// Counted in calendar time: these nudge people during the day, and a reminder that waits for
// Monday is one nobody needed. A reminder is due strictly after its threshold, like SLA breach.
import type { OrderStatus } from './vocabulary';
import { MINUTE_MS } from './working-calendar';
import { formatDuration } from './duration-format';

export interface ReminderThresholds {
  notTakenMinutes: number;
  notPickedMinutes: number;
}

export const DEFAULT_REMINDER_THRESHOLDS: ReminderThresholds = {
  notTakenMinutes: 2 * 60,
  notPickedMinutes: 24 * 60,
};

export const PROCESSING_REMINDER_KINDS = ['not_taken', 'not_picked'] as const;
export type ProcessingReminderKind = (typeof PROCESSING_REMINDER_KINDS)[number];

export interface ProcessingReminder {
  kind: ProcessingReminderKind;
  /** When the waiting started (createdAt or confirmedAt). */
  since: number;
  /** The last instant that was still fine; the reminder is active after it. */
  dueAt: number;
  overdueMs: number;
  message: string;
}

/** The part of an order reminders read (OrderRow satisfies it). */
export interface ReminderOrder {
  status: OrderStatus;
  createdAt: number;
  confirmedAt: number | null;
  pickedAt: number | null;
}

interface Candidate {
  kind: ProcessingReminderKind;
  since: number;
  dueAt: number;
}

/** The one reminder an order can be waiting for: its statuses exclude each other. */
function candidate(order: ReminderOrder, t: ReminderThresholds): Candidate | null {
  if (order.status === 'new') {
    return { kind: 'not_taken', since: order.createdAt, dueAt: order.createdAt + t.notTakenMinutes * MINUTE_MS };
  }
  if (order.status === 'confirmed' && order.pickedAt == null && order.confirmedAt != null) {
    return { kind: 'not_picked', since: order.confirmedAt, dueAt: order.confirmedAt + t.notPickedMinutes * MINUTE_MS };
  }
  return null;
}

function message(kind: ProcessingReminderKind, waitedMs: number): string {
  return kind === 'not_taken'
    ? `Not taken into work for ${formatDuration(waitedMs)} since it arrived`
    : `Confirmed ${formatDuration(waitedMs)} ago and still not picked`;
}

/** The reminders active for `order` at `now` (empty when none). */
export function processingReminders(
  order: ReminderOrder,
  now: number,
  thresholds: ReminderThresholds = DEFAULT_REMINDER_THRESHOLDS,
): ProcessingReminder[] {
  const c = candidate(order, thresholds);
  if (c === null || now <= c.dueAt) return [];
  return [{ ...c, overdueMs: now - c.dueAt, message: message(c.kind, now - c.since) }];
}

/** When the next reminder for `order` becomes active, or null if none is pending (for schedulers). */
export function nextReminderAt(
  order: ReminderOrder,
  now: number,
  thresholds: ReminderThresholds = DEFAULT_REMINDER_THRESHOLDS,
): number | null {
  const c = candidate(order, thresholds);
  return c !== null && c.dueAt + 1 > now ? c.dueAt + 1 : null;
}
