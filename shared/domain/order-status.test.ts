import { describe, expect, it } from 'vitest';
import type { Actor, OrderStatus } from './vocabulary';
import { ACTORS, ORDER_STATUSES, USER_ROLES } from './vocabulary';
import type { TransitionContext } from './order-status';
import {
  allowedTransitions,
  isOpenStatus,
  isTerminalStatus,
  problemResolutionTargets,
  roleToActor,
  transitionActors,
} from './order-status';
import type { StatusSubject, TransitionRequest } from './order-transition';
import { requestTransition } from './order-transition';

const DESK = 'dispatcher supervisor admin';
/** A shop may cancel its own order before pickup (issue 14). */
const CANCEL = `${DESK} integration`;

/**
 * The whole machine for a warehouse order, written out by hand: from -> to -> actors allowed.
 * Anything not listed is forbidden for every actor. `problem` here has an unknown status before.
 */
const EXPECTED: Record<OrderStatus, Partial<Record<OrderStatus, string>>> = {
  new: { confirmed: 'dispatcher logistician supervisor admin', problem: DESK, cancelled: CANCEL },
  confirmed: {
    at_warehouse: 'warehouse system dispatcher supervisor admin',
    problem: 'dispatcher warehouse driver courier supervisor admin',
    cancelled: CANCEL,
  },
  at_warehouse: {
    in_transit: 'dispatcher driver gps courier supervisor admin',
    problem: 'dispatcher warehouse driver courier supervisor admin',
    cancelled: CANCEL,
  },
  in_transit: {
    delivered: 'dispatcher driver courier supervisor admin',
    problem: 'dispatcher driver courier supervisor admin',
  },
  delivered: { closed: 'system accounting admin integration' },
  problem: { new: DESK, confirmed: DESK, at_warehouse: DESK, in_transit: DESK, cancelled: DESK },
  closed: {},
  cancelled: {},
};

function expectedAllowed(from: OrderStatus, to: OrderStatus, actor: Actor): boolean {
  return (EXPECTED[from][to] ?? '').split(' ').includes(actor);
}

/** A request that satisfies every non-actor rule, so only the table decides. */
function validRequest(to: OrderStatus, actor: Actor): TransitionRequest {
  return { to, actor, at: 1_000, reason: to === 'problem' ? 'damaged' : null, comment: 'checked by phone' };
}

function matrix(ctx: TransitionContext, expected: (from: OrderStatus, to: OrderStatus, actor: Actor) => boolean) {
  const mismatches: string[] = [];
  let allowed = 0;
  let forbidden = 0;
  for (const from of ORDER_STATUSES) {
    for (const to of ORDER_STATUSES) {
      for (const actor of ACTORS) {
        const order: StatusSubject = { status: from, warehouseId: ctx.warehouseId, statusBeforeProblem: ctx.statusBeforeProblem };
        const result = requestTransition(order, validRequest(to, actor));
        const want = expected(from, to, actor);
        if (want) allowed++;
        else forbidden++;
        if (result.ok !== want) mismatches.push(`${from} -> ${to} by ${actor}: got ${result.ok ? 'allowed' : 'refused'}`);
        if (allowedTransitions(from, actor, ctx).includes(to) !== want) mismatches.push(`allowedTransitions disagrees: ${from} -> ${to} by ${actor}`);
        if (!result.ok) {
          const code = from === to ? 'no_change' : transitionActors(from, to, ctx).length === 0 ? 'forbidden_transition' : 'actor_not_allowed';
          if (result.error.code !== code) mismatches.push(`${from} -> ${to} by ${actor}: code ${result.error.code}, expected ${code}`);
          if (result.error.message.length < 10) mismatches.push(`${from} -> ${to} by ${actor}: message too short`);
        }
      }
    }
  }
  return { mismatches, allowed, forbidden };
}

describe('status machine: the full (status, target, actor) matrix', () => {
  it('matches the hand-written table for a warehouse order, all 704 combinations', () => {
    const { mismatches, allowed, forbidden } = matrix({ warehouseId: 'wh-1' }, expectedAllowed);
    expect(mismatches).toEqual([]);
    expect(allowed + forbidden).toBe(ORDER_STATUSES.length ** 2 * ACTORS.length);
    expect(allowed).toBe(71); // 67 + the integration's 3 cancels and 1 close (issue 14)
  });

  it('treats an order without warehouseId field as a warehouse order', () => {
    expect(matrix({}, expectedAllowed).mismatches).toEqual([]);
  });

  it('lets a direct pickup (warehouseId null) go from confirmed straight to in_transit', () => {
    const direct = (from: OrderStatus, to: OrderStatus, actor: Actor) =>
      expectedAllowed(from, to, actor) ||
      (from === 'confirmed' && to === 'in_transit' && 'dispatcher driver gps courier supervisor admin'.split(' ').includes(actor));
    expect(matrix({ warehouseId: null }, direct).mismatches).toEqual([]);
  });

  const resolution: Record<OrderStatus, string> = {
    new: 'new confirmed cancelled',
    confirmed: 'confirmed at_warehouse cancelled',
    at_warehouse: 'at_warehouse in_transit cancelled',
    in_transit: 'at_warehouse in_transit delivered cancelled',
    delivered: 'new confirmed at_warehouse in_transit cancelled', // never a problem source: unknown
    problem: 'new confirmed at_warehouse in_transit cancelled',
    closed: 'new confirmed at_warehouse in_transit cancelled',
    cancelled: 'new confirmed at_warehouse in_transit cancelled',
  };
  for (const before of ORDER_STATUSES) {
    it(`resolves a problem that came from ${before} only to: ${resolution[before]}`, () => {
      const targets = resolution[before].split(' ');
      const expected = (from: OrderStatus, to: OrderStatus, actor: Actor) =>
        from === 'problem' ? targets.includes(to) && DESK.split(' ').includes(actor) : expectedAllowed(from, to, actor);
      expect(matrix({ warehouseId: 'wh-1', statusBeforeProblem: before }, expected).mismatches).toEqual([]);
      expect(problemResolutionTargets({ statusBeforeProblem: before })).toEqual(ORDER_STATUSES.filter((s) => targets.includes(s)));
    });
  }

  it('resolves a direct pickup problem from confirmed forward to in_transit too', () => {
    expect(problemResolutionTargets({ statusBeforeProblem: 'confirmed', warehouseId: null })).toEqual([
      'confirmed',
      'at_warehouse',
      'in_transit',
      'cancelled',
    ]);
  });
});

describe('status helpers', () => {
  it('knows open and terminal statuses', () => {
    expect(ORDER_STATUSES.filter(isOpenStatus)).toEqual(['new', 'confirmed', 'at_warehouse', 'in_transit', 'problem']);
    expect(ORDER_STATUSES.filter(isTerminalStatus)).toEqual(['closed', 'cancelled']);
  });

  it('maps every user role to its own actor', () => {
    for (const role of USER_ROLES) expect(roleToActor(role)).toBe(role);
  });

  it('offers a warehouse user only picking and problem on a confirmed order', () => {
    expect(allowedTransitions('confirmed', 'warehouse', { warehouseId: 'wh-1' })).toEqual(['at_warehouse', 'problem']);
    expect(allowedTransitions('closed', 'admin')).toEqual([]);
  });
});
