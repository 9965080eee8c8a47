// The SLA engine: deadline and SLA state of one order at one instant. slaStatus is the ONLY
// place that decides ok / warning / critical / breached: the UI countdown and the server's
// escalation scheduler both call it, so they can never disagree about an order.
//
// Boundaries: 'warning' from warnAt (inclusive), 'critical' from criticalAt (inclusive),
// 'breached' strictly after the deadline; the deadline instant itself is still on time, just
// as an order delivered exactly at the deadline is 'met'. Thresholds before the deadline are
// counted in the policy's own time basis (2 working hours before a working-hours deadline),
// and never fall before confirmation.
import type { OrderStatus } from './vocabulary';
import type { ResolvedSlaPolicy, SlaPolicies, SlaPolicyInput, SlaTimeBasis } from './sla-policy';
import { resolveSlaPolicy } from './sla-policy';
import type { WorkingCalendar } from './working-calendar';
import {
  MINUTE_MS,
  addWorkingDayMinutes,
  addWorkingMinutes,
  subtractWorkingDayMinutes,
  subtractWorkingMinutes,
} from './working-calendar';

/** `minutes` later than `startMs`, counted in the given time basis. */
export function addSlaMinutes(cal: WorkingCalendar, basis: SlaTimeBasis, startMs: number, minutes: number): number {
  if (basis === 'working_hours') return addWorkingMinutes(cal, startMs, minutes);
  if (basis === 'working_days') return addWorkingDayMinutes(cal, startMs, minutes);
  return startMs + minutes * MINUTE_MS;
}

/** `minutes` earlier than `endMs`, counted in the given time basis. */
export function subtractSlaMinutes(cal: WorkingCalendar, basis: SlaTimeBasis, endMs: number, minutes: number): number {
  if (basis === 'working_hours') return subtractWorkingMinutes(cal, endMs, minutes);
  if (basis === 'working_days') return subtractWorkingDayMinutes(cal, endMs, minutes);
  return endMs - minutes * MINUTE_MS;
}

export interface SlaDeadlineInput extends SlaPolicyInput {
  /** The SLA clock starts at the first confirmation; null = not confirmed, no deadline. */
  confirmedAt: number | null;
}

/** The deadline (ms) for an order, or null when it isn't confirmed. Store it as orders.slaDeadline. */
export function computeDeadline(input: SlaDeadlineInput, policies: SlaPolicies, calendar: WorkingCalendar): number | null {
  if (input.confirmedAt == null) return null;
  const policy = resolveSlaPolicy(input, policies);
  return addSlaMinutes(calendar, policy.timeBasis, input.confirmedAt, policy.normMinutes);
}

export const SLA_STATES = ['none', 'ok', 'warning', 'critical', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The part of an order the SLA engine reads (OrderRow satisfies it). */
export interface SlaOrder extends SlaDeadlineInput {
  status: OrderStatus;
  deliveredAt: number | null;
  /** The stored deadline wins over a recomputation (policies may have changed since). */
  slaDeadline?: number | null;
}

export interface SlaStatus {
  state: SlaState;
  deadline: number | null;
  /** deadline - now for open orders, deadline - deliveredAt for finished ones; negative when late. */
  msLeft: number | null;
  /** From here the responsible person is warned ('warning'). */
  warnAt: number | null;
  /** From here the supervisor is warned ('critical'). */
  criticalAt: number | null;
  /** When the state will next change if nothing else happens (for schedulers and UI timers). */
  nextChangeAt: number | null;
  policy: ResolvedSlaPolicy | null;
}

/** No SLA clock runs (cancelled, not confirmed yet, or nothing to judge by). */
export const NO_SLA: SlaStatus = {
  state: 'none',
  deadline: null,
  msLeft: null,
  warnAt: null,
  criticalAt: null,
  nextChangeAt: null,
  policy: null,
};

/**
 * The SLA state of `order` at `now`. Cancelled and unconfirmed orders: 'none'. Delivered and
 * closed orders: 'met' or 'breached' by deliveredAt ('none' if deliveredAt is missing, since
 * judging them by the running clock would turn finished orders red over time). Problem orders
 * keep counting: the customer's promise doesn't pause while we sort things out.
 */
export function slaStatus(order: SlaOrder, now: number, policies: SlaPolicies, calendar: WorkingCalendar): SlaStatus {
  if (order.status === 'cancelled') return NO_SLA;
  if (order.slaDeadline == null && order.confirmedAt == null) return NO_SLA;
  const policy = resolveSlaPolicy(order, policies);
  const deadline = order.slaDeadline ?? addSlaMinutes(calendar, policy.timeBasis, order.confirmedAt as number, policy.normMinutes);
  const start = order.confirmedAt ?? Number.NEGATIVE_INFINITY;
  const criticalAt = Math.max(start, subtractSlaMinutes(calendar, policy.timeBasis, deadline, policy.supervisorWarnBeforeMinutes));
  // A policy whose supervisor warning comes first still warns the responsible person no later.
  const warnAt = Math.min(criticalAt, Math.max(start, subtractSlaMinutes(calendar, policy.timeBasis, deadline, policy.warnBeforeMinutes)));
  const base = { deadline, warnAt, criticalAt, policy };

  if (order.status === 'delivered' || order.status === 'closed') {
    if (order.deliveredAt == null) return { ...base, state: 'none', msLeft: null, nextChangeAt: null };
    const msLeft = deadline - order.deliveredAt;
    return { ...base, state: msLeft >= 0 ? 'met' : 'breached', msLeft, nextChangeAt: null };
  }

  const msLeft = deadline - now;
  if (now > deadline) return { ...base, state: 'breached', msLeft, nextChangeAt: null };
  if (now >= criticalAt) return { ...base, state: 'critical', msLeft, nextChangeAt: deadline + 1 };
  if (now >= warnAt) return { ...base, state: 'warning', msLeft, nextChangeAt: criticalAt };
  return { ...base, state: 'ok', msLeft, nextChangeAt: warnAt };
}
