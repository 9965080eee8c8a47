// Random sequences of status and sub-mark requests from random actors: whatever happens, the
// order stays in a defined state, every success yields exactly one matching event, every
// refusal changes nothing, and the UI's allowedTransitions agrees with what the machine does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrderStatus, ProblemReason, SubMark } from './vocabulary';
import { ACTORS, EVENT_SOURCES, ORDER_STATUSES, PROBLEM_REASONS, SUB_MARKS } from './vocabulary';
import { NEXT_STEP, allowedTransitions, transitionActors } from './order-status';
import type { OrderEventDraft, StatusPatch } from './order-transition';
import { TRANSITION_ERROR_CODES, requestTransition } from './order-transition';
import { requestSubMark } from './order-sub-mark';

interface Order {
  status: OrderStatus;
  subMark: SubMark | null;
  warehouseId: string | null;
  statusBeforeProblem: OrderStatus | null;
  problemReason: ProblemReason | null;
  problemComment: string | null;
  confirmedAt: number | null;
  pickedAt: number | null;
  deliveredAt: number | null;
  statusChangedAt: number;
}

const statusReq = fc.record({
  type: fc.constant('status' as const),
  to: fc.constantFrom(...ORDER_STATUSES),
  actor: fc.constantFrom(...ACTORS),
  reason: fc.option(fc.constantFrom(...PROBLEM_REASONS), { nil: null }),
  comment: fc.option(fc.constantFrom('', 'called the customer', '  '), { nil: null }),
  subMark: fc.option(fc.constantFrom(...SUB_MARKS), { freq: 4, nil: null }),
  source: fc.option(fc.constantFrom(...EVENT_SOURCES), { nil: undefined }),
});

/** A move the UI would offer this actor now: steers sequences deep into the machine. */
const offeredReq = fc.record({
  type: fc.constant('offered' as const),
  pick: fc.nat(),
  actor: fc.constantFrom(...ACTORS),
  reason: fc.constantFrom(...PROBLEM_REASONS),
  comment: fc.option(fc.constantFrom('called the customer'), { nil: null }),
});

/** The next checkpoint, by someone allowed to make it: drives orders to the end of the road. */
const advanceReq = fc.record({
  type: fc.constant('advance' as const),
  pick: fc.nat(),
  source: fc.option(fc.constantFrom(...EVENT_SOURCES), { nil: undefined }),
});

const subMarkReq = fc.record({
  type: fc.constant('sub_mark' as const),
  subMark: fc.constantFrom(...SUB_MARKS),
  actor: fc.constantFrom(...ACTORS),
});

const scenario = fc.record({
  warehouseId: fc.constantFrom('wh-1', null),
  steps: fc.array(
    fc.oneof(
      { arbitrary: statusReq, weight: 2 },
      { arbitrary: offeredReq, weight: 3 },
      { arbitrary: advanceReq, weight: 2 },
      { arbitrary: subMarkReq, weight: 1 },
    ),
    { maxLength: 60 },
  ),
});

function checkInvariants(o: Order): void {
  expect(ORDER_STATUSES).toContain(o.status);
  // Sub-marks only inside in_transit; problem fields exactly while a problem.
  if (o.status !== 'in_transit') expect(o.subMark).toBeNull();
  if (o.status === 'problem') {
    expect(PROBLEM_REASONS).toContain(o.problemReason);
    expect(['new', 'confirmed', 'at_warehouse', 'in_transit']).toContain(o.statusBeforeProblem);
  } else {
    expect(o.problemReason).toBeNull();
    expect(o.statusBeforeProblem).toBeNull();
  }
  // Checkpoint times exist once the order has passed them on the happy path.
  if (['at_warehouse', 'in_transit', 'delivered', 'closed'].includes(o.status)) expect(o.confirmedAt).not.toBeNull();
  if (['delivered', 'closed'].includes(o.status)) expect(o.deliveredAt).not.toBeNull();
}

function apply(o: Order, patch: StatusPatch | { subMark: SubMark }): Order {
  return { ...o, ...patch };
}

describe('status machine property', () => {
  it('random request sequences never reach an undefined state; each success yields exactly one event', () => {
    const reached = new Set<OrderStatus>();
    fc.assert(
      fc.property(scenario, ({ warehouseId, steps }) => {
        let order: Order = {
          status: 'new',
          subMark: null,
          warehouseId,
          statusBeforeProblem: null,
          problemReason: null,
          problemComment: null,
          confirmedAt: null,
          pickedAt: null,
          deliveredAt: null,
          statusChangedAt: 0,
        };
        const events: OrderEventDraft[] = [];
        let at = 1_000;
        for (const step of steps) {
          at += 60_000;
          const before = structuredClone(order);
          const eventsBefore = events.length;
          if (step.type === 'advance') {
            const to = order.status === 'problem' ? order.statusBeforeProblem : NEXT_STEP[order.status];
            const actors = to ? transitionActors(order.status, to, order) : [];
            const actor = actors[step.pick % Math.max(1, actors.length)];
            if (!to || !actor) continue;
            const r = requestTransition(order, { to, actor, source: step.source, at });
            if (!r.ok) throw new Error(`advance refused: ${r.error.message}`);
            events.push(r.event);
            order = apply(order, r.patch);
          } else if (step.type !== 'sub_mark') {
            const options = allowedTransitions(order.status, step.actor, order);
            const to = step.type === 'status' ? step.to : options[step.pick % Math.max(1, options.length)];
            if (to === undefined) continue;
            const offered = options.includes(to);
            const reason = step.type === 'offered' && to !== 'problem' ? null : step.reason;
            const r = requestTransition(order, { ...step, to, reason, at });
            if (r.ok) {
              expect(offered).toBe(true);
              expect(r.event).toMatchObject({ kind: 'status', fromStatus: before.status, toStatus: to, actor: step.actor, at });
              events.push(r.event);
              order = apply(order, r.patch);
              expect(order.statusChangedAt).toBe(at);
            } else {
              expect(TRANSITION_ERROR_CODES).toContain(r.error.code);
              expect(r.error.message.length).toBeGreaterThan(10);
              // A refusal of an offered move can only be about the request's details.
              if (offered) expect(['reason_required', 'invalid_reason', 'comment_required', 'sub_mark_not_allowed', 'invalid_request']).toContain(r.error.code);
            }
          } else {
            const r = requestSubMark(order, { ...step, at });
            if (r.ok) {
              expect(r.event).toMatchObject({ kind: 'sub_mark', fromStatus: 'in_transit', toStatus: 'in_transit', subMark: step.subMark });
              events.push(r.event);
              order = apply(order, r.patch);
            }
          }
          if (events.length === eventsBefore) expect(order).toEqual(before);
          else expect(events.length).toBe(eventsBefore + 1);
          checkInvariants(order);
        }
        // Replaying the events' statuses reproduces the order's status.
        for (const e of events) if (e.toStatus) reached.add(e.toStatus);
        const replayed = events.reduce<OrderStatus>((s, e) => (e.kind === 'status' && e.toStatus ? e.toStatus : s), 'new');
        expect(replayed).toBe(order.status);
      }),
      { numRuns: 400 },
    );
    // The sequences really explore the machine, not just bounce off the first refusal.
    expect([...reached].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('terminal statuses absorb every request', () => {
    fc.assert(
      fc.property(fc.constantFrom<OrderStatus>('closed', 'cancelled'), statusReq, (status, step) => {
        expect(requestTransition({ status }, { ...step, at: 1 }).ok).toBe(false);
      }),
    );
  });
});
