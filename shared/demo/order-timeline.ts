// When each step of a demo order happened. Times are worked out backwards from `now` and the
// SLA target: pick the deadline that puts the order in the wanted SLA state, derive the
// confirmation that gives that deadline (in the policy's own time basis), then spread the
// later steps between confirmation and the last event. Everything stays before `now`.
import type { ResolvedSlaPolicy } from '../domain/sla-policy';
import { addSlaMinutes, subtractSlaMinutes } from '../domain/sla-engine';
import type { WorkingCalendar } from '../domain/working-calendar';
import type { SubMark } from '../domain/vocabulary';
import type { OrderPlan } from './order-plans';
import type { Rng } from './prng';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type Step = 'assign' | 'picked' | 'departed' | SubMark | 'delivered' | 'closed' | 'problem' | 'cancelled';

export interface OrderTimes {
  createdAt: number;
  confirmedAt: number | null;
  /** Steps after creation and confirmation, in time order. */
  steps: { step: Step; at: number }[];
}

/** How long, relative to each other, the gaps before each step tend to be. */
const GAP_WEIGHT: Readonly<Record<Step, number>> = {
  assign: 1, picked: 3, departed: 2, left_warehouse: 0.1, on_route: 0.6, arrived: 3,
  delivered: 0.3, closed: 1, problem: 1.2, cancelled: 1,
};

export interface TimelineInput {
  plan: OrderPlan;
  policy: ResolvedSlaPolicy;
  calendar: WorkingCalendar;
  now: number;
  /** Whether an own driver carries it (gets an assign step). */
  assigned: boolean;
  rng: Rng;
}

/** The steps after confirmation that the plan's (or the pre-problem) status implies. */
function stepsFor(plan: OrderPlan, assigned: boolean, rng: Rng): Step[] {
  const reach = plan.problemFrom ?? plan.status;
  const steps: Step[] = [];
  const rank = ['confirmed', 'at_warehouse', 'in_transit', 'delivered', 'closed'].indexOf(reach);
  // Confirmed orders are often assigned in advance; later ones always have been.
  if (assigned && (rank >= 1 || rng.chance(0.3))) steps.push('assign');
  if (rank >= 1 && !plan.direct) steps.push('picked');
  if (rank >= 2) {
    steps.push('departed');
    const marks: SubMark[] = plan.direct ? ['on_route', 'arrived'] : ['left_warehouse', 'on_route', 'arrived'];
    const count = rank >= 3 ? marks.length : rng.int(0, marks.length);
    steps.push(...marks.slice(0, count));
  }
  if (rank >= 3) steps.push('delivered');
  if (rank >= 4) steps.push('closed');
  if (plan.status === 'problem') steps.push('problem');
  return steps;
}

/** Spreads `steps` over (from, to]; with `trailing`, the last step lands before `to`. */
function spread(rng: Rng, steps: Step[], from: number, to: number, trailing: boolean): { step: Step; at: number }[] {
  const weights = steps.map((s) => GAP_WEIGHT[s] * rng.float(0.5, 1.5));
  if (trailing) weights.push(rng.float(0.3, 2));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return steps.map((step, i) => {
    acc += weights[i] ?? 0;
    // Whole seconds, as phones and people report them.
    return { step, at: Math.round((from + ((to - from) * acc) / total) / 1000) * 1000 };
  });
}

/** The deadline that puts an order in `plan.sla` at `now` (for finished orders: at delivery). */
function targetDeadline(input: TimelineInput, deliveredAt: number | null): number {
  const { plan, policy, calendar, now, rng } = input;
  const add = (at: number, minutes: number) => addSlaMinutes(calendar, policy.timeBasis, at, minutes);
  const sub = (at: number, minutes: number) => subtractSlaMinutes(calendar, policy.timeBasis, at, minutes);
  const norm = policy.normMinutes;
  const warn = Math.min(policy.warnBeforeMinutes, norm - 1);
  const crit = Math.min(policy.supervisorWarnBeforeMinutes, warn - 1);
  if (deliveredAt !== null) {
    return plan.sla === 'late'
      ? sub(deliveredAt, rng.int(5, Math.max(6, Math.floor(norm * 0.5))))
      : add(deliveredAt, rng.int(10, Math.max(11, Math.floor(norm * 0.6))));
  }
  switch (plan.sla) {
    case 'warning':
      return add(now, rng.int(Math.min(crit + 3, warn), Math.max(crit + 3, warn - 3)));
    case 'critical':
      return add(now, rng.int(Math.min(2, crit), Math.max(2, crit - 2)));
    case 'breached':
      return sub(now, rng.int(5, Math.max(6, Math.min(norm, 36 * 60))));
    default:
      return add(now, rng.int(Math.min(warn + 10, norm), Math.max(warn + 10, norm - 10)));
  }
}

export function orderTimes(input: TimelineInput): OrderTimes {
  const { plan, policy, calendar, now, rng } = input;

  if (plan.status === 'new' || plan.cancelFrom === 'new') {
    const createdAt = plan.status === 'new'
      ? now - (plan.stale ? rng.int(125, 30 * 60) : rng.int(1, 110)) * MIN
      : now - rng.int(3 * 60, 20 * 24 * 60) * MIN;
    const steps = plan.status === 'cancelled' ? [{ step: 'cancelled' as const, at: createdAt + Math.min(rng.int(10, 48 * 60) * MIN, now - createdAt - MIN) }] : [];
    return { createdAt, confirmedAt: null, steps };
  }

  if (plan.cancelFrom === 'confirmed') {
    const createdAt = now - rng.int(24 * 60, 20 * 24 * 60) * MIN;
    const confirmedAt = createdAt + rng.int(5, 120) * MIN;
    const cancelledAt = confirmedAt + Math.min(rng.int(30, 24 * 60) * MIN, now - confirmedAt - MIN);
    return { createdAt, confirmedAt, steps: [{ step: 'cancelled', at: cancelledAt }] };
  }

  const finished = plan.status === 'delivered' || plan.status === 'closed';
  const deliveredAt = finished
    ? plan.status === 'closed' ? now - rng.int(2 * 24 * 60, 60 * 24 * 60) * MIN : now - rng.int(10, 3 * 24 * 60) * MIN
    : null;
  let confirmedAt: number;
  if (plan.stale && plan.status === 'confirmed') {
    confirmedAt = now - rng.int(25 * 60, 44 * 60) * MIN;
  } else {
    confirmedAt = subtractSlaMinutes(calendar, policy.timeBasis, targetDeadline(input, deliveredAt), policy.normMinutes);
  }
  const lastPossible = (deliveredAt ?? now) - 30 * MIN;
  if (confirmedAt > lastPossible) confirmedAt = lastPossible - rng.int(0, 90) * MIN;
  const createdAt = confirmedAt - rng.int(3, plan.service === 'express' ? 40 : 180) * MIN;

  const steps = stepsFor(plan, input.assigned, rng);
  let timed: { step: Step; at: number }[];
  if (deliveredAt !== null) {
    const closing = steps.indexOf('closed');
    const upToDelivery = closing >= 0 ? steps.slice(0, closing) : steps;
    timed = spread(rng, upToDelivery, confirmedAt, deliveredAt, false);
    if (closing >= 0) {
      const closedAt = deliveredAt + Math.min(rng.int(60, 5 * 24 * 60) * MIN, now - deliveredAt - MIN);
      timed.push({ step: 'closed', at: closedAt });
    }
  } else {
    // Open orders: the last event happened a while before now (a problem is the last event).
    const lastAt = now - rng.int(1, 20) * MIN;
    timed = spread(rng, steps, confirmedAt, Math.max(confirmedAt + MIN, lastAt), plan.status !== 'problem');
  }
  return { createdAt, confirmedAt, steps: timed };
}

export { DAY, HOUR, MIN };
