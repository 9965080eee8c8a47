// The logistician's two carrier follow-ups of seed 004, as alert moments (issue 16):
// - carrier_loading: 2 hours before the deal's loading time, "call the carrier and watch the
//   loading". Due from loadingAt - 2 h while the order is not yet on the road (new, confirmed,
//   at the warehouse); it stays until the order leaves (in transit) or the carrier loses it.
//   A deal recorded after its own loading time (written up afterwards) has nothing to remind of.
// - carrier_call: while the carrier's order is in transit, a call every N minutes of the order's
//   service type policy (carrierCallMinutes; null = none). The first comes N minutes after the
//   order went in transit (or after the deal, if later); each next one N minutes after the last
//   call, or after the dispatcher marked it done (acknowledged) if they did. Minutes are counted
//   in the policy's time basis, the SLA engine's rule (addSlaMinutes): a working-hours service
//   is not called at night, an intercity truck is called around the clock. Only the latest call
//   is open; the one before it is superseded.
// Pure: the scheduler passes the order, its deal, its recorded alerts and `now`.
import { addSlaMinutes } from '../domain/sla-engine';
import { resolveSlaPolicy, type SlaPolicies, type SlaPolicyInput } from '../domain/sla-policy';
import type { OrderStatus } from '../domain/vocabulary';
import type { WorkingCalendar } from '../domain/working-calendar';
import type { AlertRow } from '../schema/alerts';

export const LOADING_REMINDER_BEFORE_MS = 2 * 3_600_000;

/** Statuses before the goods leave: a loading reminder still makes sense. */
const BEFORE_LOADING: readonly OrderStatus[] = ['new', 'confirmed', 'at_warehouse'];

/** A server down for weeks catches up to "now" in at most this many steps (then gives up on the gap). */
const MAX_CALL_STEPS = 10_000;

/** The current carrier's deal, as the alerts read it (the scheduler fills it from carrier_deals). */
export interface CarrierAlertDeal {
  carrierName: string;
  carrierPhone: string;
  contact: string | null;
  /** The agreed loading time; null for deals recorded without one. */
  loadingAt: number | null;
  dealAt: number;
}

export interface CarrierAlertOrder extends SlaPolicyInput {
  status: OrderStatus;
  /** Left out (orders read only for SLA): no carrier. */
  carrierId?: string | null;
  /** When the status last changed: for an order in transit, when it went on the road. */
  statusChangedAt?: number;
  carrierDeal?: CarrierAlertDeal | null;
}

export interface CarrierMoment {
  kind: 'carrier_loading' | 'carrier_call';
  /** The alert's identity moment: the loading time, or the call's own moment. */
  dueAt: number;
  triggeredAt: number;
}

function dealOf(order: CarrierAlertOrder): CarrierAlertDeal | null {
  return order.carrierId != null && order.carrierDeal != null ? order.carrierDeal : null;
}

/** The loading reminder's moment for this order's deal, passed or not; null when there is none. */
export function loadingReminderMoment(order: CarrierAlertOrder): CarrierMoment | null {
  const deal = dealOf(order);
  if (deal === null || deal.loadingAt === null || !BEFORE_LOADING.includes(order.status)) return null;
  if (deal.loadingAt < deal.dealAt) return null;
  return { kind: 'carrier_loading', dueAt: deal.loadingAt, triggeredAt: Math.max(deal.loadingAt - LOADING_REMINDER_BEFORE_MS, deal.dealAt) };
}

/** The interval and its time basis for this order, or null when its service calls no carrier. */
export function carrierCallInterval(order: SlaPolicyInput, policies: SlaPolicies): { minutes: number; basis: ReturnType<typeof resolveSlaPolicy>['timeBasis'] } | null {
  // None (null or left out) calls nobody, as a zero does.
  const minutes = policies[order.serviceType].carrierCallMinutes ?? 0;
  // The schema and the limits keep stored values whole and >= 15; this guards a hand-edited database.
  if (!Number.isInteger(minutes) || minutes <= 0) return null;
  return { minutes, basis: resolveSlaPolicy(order, policies).timeBasis };
}

/**
 * The call the order is at `now`: the latest call moment not after `now` (null before the first),
 * and the next moment after it. Null when the order gets no calls at all.
 */
export function carrierCallSchedule(
  order: CarrierAlertOrder,
  recorded: readonly AlertRow[],
  now: number,
  policies: SlaPolicies,
  calendar: WorkingCalendar,
): { current: CarrierMoment | null; next: number } | null {
  const deal = dealOf(order);
  if (deal === null || order.status !== 'in_transit') return null;
  const interval = carrierCallInterval(order, policies);
  if (interval === null) return null;
  const step = (from: number): number => addSlaMinutes(calendar, interval.basis, from, interval.minutes);
  const since = Math.max(order.statusChangedAt ?? deal.dealAt, deal.dealAt);
  // The last call of this trip (recorded since it went on the road): the chain goes on from it,
  // or from when it was marked done.
  const calls = recorded.filter((a) => a.kind === 'carrier_call' && a.dueAt >= since);
  const latest = Math.max(...calls.map((a) => a.dueAt));
  const last = calls.find((a) => a.dueAt === latest) ?? null;
  let current: CarrierMoment | null = last === null ? null : { kind: 'carrier_call', dueAt: last.dueAt, triggeredAt: last.dueAt };
  let next = step(last === null ? since : Math.max(last.dueAt, last.acknowledgedAt ?? last.dueAt));
  // Moments missed while nobody looked: only the latest one is called.
  for (let i = 0; i < MAX_CALL_STEPS && next <= now; i++) {
    current = { kind: 'carrier_call', dueAt: next, triggeredAt: next };
    next = step(next);
  }
  return { current, next };
}

/** The carrier moments that have passed at `now`. */
export function carrierMoments(order: CarrierAlertOrder, recorded: readonly AlertRow[], now: number, policies: SlaPolicies, calendar: WorkingCalendar): CarrierMoment[] {
  const out: CarrierMoment[] = [];
  const loading = loadingReminderMoment(order);
  if (loading !== null && loading.triggeredAt <= now) out.push(loading);
  const call = carrierCallSchedule(order, recorded, now, policies, calendar)?.current ?? null;
  if (call !== null) out.push(call);
  return out;
}

/** When the carrier moments can next change if nothing else happens; null = never. */
export function nextCarrierCheckAt(order: CarrierAlertOrder, recorded: readonly AlertRow[], now: number, policies: SlaPolicies, calendar: WorkingCalendar): number | null {
  // A loading reminder (goods not yet on the road) and calls (in transit) never apply at once.
  const loading = loadingReminderMoment(order);
  if (loading !== null) return loading.triggeredAt > now ? loading.triggeredAt : null;
  return carrierCallSchedule(order, recorded, now, policies, calendar)?.next ?? null;
}
