// The order status machine's rules: which moves exist and which actors may make each.
// Requests are checked and turned into patches + events in order-transition.ts; this file is
// only the table, so the UI (allowedTransitions) and the mutators read the same rules.
//
// Choices made on top of the team's domain brief (its "who changes it"):
// - "Desk" = dispatcher, supervisor, admin: they may make every operational move by hand,
//   because drivers forget marks and someone has to correct the board.
// - new -> confirmed: dispatcher, logistician (a manager who checks freight requests), desk.
// - confirmed -> at_warehouse: warehouse (click or scan), system (warehouse integration), desk.
// - confirmed -> in_transit only for direct pickups (order without a warehouse, warehouseId
//   === null): the driver collects from the sender. A warehouse order must be picked first.
// - at_warehouse -> in_transit: driver, gps (movement), courier service webhook, desk.
// - in_transit -> delivered: driver, courier, desk. Never gps or system: delivery needs a
//   signature, photo or code from a person; GPS can only say "arrived" (a sub-mark).
// - delivered -> closed: accounting, system (payment event), admin. Closing is about money,
//   so dispatchers and supervisors don't close orders.
// - -> problem (always with a reason): desk from any working status (new, confirmed,
//   at_warehouse, in_transit); warehouse only from confirmed/at_warehouse (goods in its
//   hands); driver and courier from confirmed (direct pickup), at_warehouse and in_transit.
//   Not from delivered: a complaint after acceptance is a claim, not a delivery problem.
// - problem -> resolved, by desk only (the problem queue is theirs): back to the status
//   before the problem, one step forward from it (e.g. in_transit -> delivered when the
//   recipient accepts after all), back to at_warehouse when goods in transit were brought
//   back for another attempt, or cancelled. If the status before is unknown (old data),
//   any working status or cancelled.
// - cancel from new, confirmed, at_warehouse, problem by desk, with a comment saying why.
//   Not from in_transit: goods on the road must be reported as a problem first, so someone
//   owns bringing them back.
// - closed and cancelled are terminal; nothing moves backwards except by resolving a problem.
import type { Actor, OrderStatus, SubMark, UserRole } from './vocabulary';
import { DESK_ROLES, ORDER_STATUSES } from './vocabulary';

/** Statuses where work is still to do; delivered waits only for payment. */
export const OPEN_STATUSES = ['new', 'confirmed', 'at_warehouse', 'in_transit', 'problem'] as const;
export const TERMINAL_STATUSES = ['closed', 'cancelled'] as const;

const OPEN_SET: ReadonlySet<OrderStatus> = new Set(OPEN_STATUSES);
const TERMINAL_SET: ReadonlySet<OrderStatus> = new Set(TERMINAL_STATUSES);

export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN_SET.has(status);
}

export function isTerminalStatus(status: OrderStatus): boolean {
  return TERMINAL_SET.has(status);
}

const ROLE_ACTORS: Readonly<Record<UserRole, Actor>> = {
  dispatcher: 'dispatcher',
  logistician: 'logistician',
  warehouse: 'warehouse',
  supervisor: 'supervisor',
  admin: 'admin',
  integration: 'integration',
};

/** The actor a desktop user acts as. Explicit so a new role can't silently gain rights. */
export function roleToActor(role: UserRole): Actor {
  return ROLE_ACTORS[role];
}

const DESK: readonly Actor[] = DESK_ROLES;

type ForwardTable = Readonly<Partial<Record<OrderStatus, Readonly<Partial<Record<OrderStatus, readonly Actor[]>>>>>>;

/** Every move except reporting and resolving problems. */
const FORWARD: ForwardTable = {
  // integration: a shop may cancel its own order before pickup (issue 14, PATCH /api/orders).
  new: { confirmed: ['dispatcher', 'logistician', ...DESK], cancelled: [...DESK, 'integration'] },
  confirmed: {
    at_warehouse: ['warehouse', 'system', ...DESK],
    in_transit: ['driver', 'gps', 'courier', ...DESK], // direct pickup only, see header
    cancelled: [...DESK, 'integration'],
  },
  at_warehouse: { in_transit: ['driver', 'gps', 'courier', ...DESK], cancelled: [...DESK, 'integration'] },
  in_transit: { delivered: ['driver', 'courier', ...DESK] },
  // integration: a payment system recording the payment closes the order (POST .../payment).
  delivered: { closed: ['accounting', 'system', 'admin', 'integration'] },
};

/** From which statuses each actor may report a problem. */
const PROBLEM_FROM: Readonly<Partial<Record<Actor, readonly OrderStatus[]>>> = {
  dispatcher: ['new', 'confirmed', 'at_warehouse', 'in_transit'],
  supervisor: ['new', 'confirmed', 'at_warehouse', 'in_transit'],
  admin: ['new', 'confirmed', 'at_warehouse', 'in_transit'],
  warehouse: ['confirmed', 'at_warehouse'],
  driver: ['confirmed', 'at_warehouse', 'in_transit'],
  courier: ['confirmed', 'at_warehouse', 'in_transit'],
};

/** The usual next checkpoint, for messages like "it must be Confirmed first". */
export const NEXT_STEP: Readonly<Partial<Record<OrderStatus, OrderStatus>>> = {
  new: 'confirmed',
  confirmed: 'at_warehouse',
  at_warehouse: 'in_transit',
  in_transit: 'delivered',
  delivered: 'closed',
};

/** What the rules need to know about the order beyond its status. */
export interface TransitionContext {
  /** null means a direct pickup (no warehouse step); undefined counts as a warehouse order. */
  warehouseId?: string | null;
  /** Status before the order became a problem; null/undefined when unknown. */
  statusBeforeProblem?: OrderStatus | null;
}

export function isDirectPickup(ctx: TransitionContext): boolean {
  return ctx.warehouseId === null;
}

const PROBLEM_SOURCES: readonly OrderStatus[] = ['new', 'confirmed', 'at_warehouse', 'in_transit'];

/** Statuses a problem may be resolved to, in ORDER_STATUSES order. */
export function problemResolutionTargets(ctx: TransitionContext = {}): OrderStatus[] {
  const before = ctx.statusBeforeProblem;
  // Stryker disable next-line ConditionalExpression: includes() is false for null too; the test narrows the type
  if (before == null || !PROBLEM_SOURCES.includes(before)) {
    return [...PROBLEM_SOURCES, 'cancelled'];
  }
  const targets = new Set<OrderStatus>([before, 'cancelled']);
  for (const to of forwardTargets(before, ctx)) targets.add(to);
  // Goods that were on the road can come back to the warehouse for another attempt.
  if (before === 'in_transit') targets.add('at_warehouse');
  return ORDER_STATUSES.filter((s) => targets.has(s));
}

function forwardTargets(from: OrderStatus, ctx: TransitionContext): OrderStatus[] {
  const row = FORWARD[from] ?? {};
  return ORDER_STATUSES.filter((to) => row[to] !== undefined && (from !== 'confirmed' || to !== 'in_transit' || isDirectPickup(ctx)));
}

/** Who may move an order from `from` to `to`; empty when the move doesn't exist at all. */
export function transitionActors(from: OrderStatus, to: OrderStatus, ctx: TransitionContext = {}): readonly Actor[] {
  // Stryker disable next-line ConditionalExpression: no table row moves a status to itself either
  if (from === to) return [];
  if (to === 'problem') {
    // Stryker disable next-line OptionalChaining: the keys come from PROBLEM_FROM itself
    return (Object.keys(PROBLEM_FROM) as Actor[]).filter((a) => PROBLEM_FROM[a]?.includes(from) === true);
  }
  if (from === 'problem') {
    return problemResolutionTargets(ctx).includes(to) ? DESK : [];
  }
  if (!forwardTargets(from, ctx).includes(to)) return [];
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: forwardTargets listed `to` from this very row
  return FORWARD[from]?.[to] ?? [];
}

/** The statuses `actor` may move the order to right now; the UI offers only these. */
export function allowedTransitions(status: OrderStatus, actor: Actor, ctx: TransitionContext = {}): OrderStatus[] {
  return ORDER_STATUSES.filter((to) => transitionActors(status, to, ctx).includes(actor));
}

/** The statuses from which `actor` may report a problem (for "only while ..." messages). */
export function problemReportableFrom(actor: Actor): readonly OrderStatus[] {
  return PROBLEM_FROM[actor] ?? [];
}

/** Rank along the happy path, to tell "back" from "skip" in messages. */
export const STATUS_RANK: Readonly<Partial<Record<OrderStatus, number>>> = {
  new: 0,
  confirmed: 1,
  at_warehouse: 2,
  in_transit: 3,
  delivered: 4,
  closed: 5,
};

const SUB_MARK_ORDER: Readonly<Record<SubMark, number>> = { left_warehouse: 0, on_route: 1, arrived: 2 };

/** Who may set each in-transit sub-mark going forward (left_warehouse -> on_route -> arrived). */
const SUB_MARK_ACTORS: Readonly<Record<SubMark, readonly Actor[]>> = {
  left_warehouse: ['driver', 'gps', 'courier', 'warehouse', ...DESK],
  on_route: ['driver', 'gps', 'courier', ...DESK],
  arrived: ['driver', 'gps', 'courier', ...DESK],
};

/**
 * Who may set `next` when the order currently has `current`. Forward (or first) marks follow
 * SUB_MARK_ACTORS; going back (e.g. a wrong GPS "arrived") is a correction for the desk only,
 * so GPS jitter can't make the mark flap.
 */
export function subMarkActors(current: SubMark | null, next: SubMark): readonly Actor[] {
  if (current === next) return [];
  if (subMarkGoesBack(current, next)) return DESK;
  return SUB_MARK_ACTORS[next];
}

/** Whether `next` lies before `current` on the way (only the desk may move a mark back). */
export function subMarkGoesBack(current: SubMark | null, next: SubMark): boolean {
  // No mark yet: `next` is compared with itself, and nothing lies before itself.
  return SUB_MARK_ORDER[current ?? next] > SUB_MARK_ORDER[next];
}
