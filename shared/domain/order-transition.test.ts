import { describe, expect, it } from 'vitest';
import type { OrderEventRow, OrderRow } from '../schema/orders';
import type { ProblemReason } from './vocabulary';
import { PROBLEM_REASONS } from './vocabulary';
import type { OrderEventDraft, StatusSubject, TransitionResult } from './order-transition';
import { listLabels, requestTransition, resolveProblem } from './order-transition';
import { STATUS_ACTION_LABELS } from './status-labels';

const AT = Date.UTC(2026, 2, 2, 7, 0); // 12:00 in Astana

function ok(result: TransitionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

function errorOf(result: TransitionResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('requestTransition: patches and events', () => {
  it('confirms a new order: one status event, confirmedAt set once', () => {
    const r = ok(requestTransition({ status: 'new', confirmedAt: null }, { to: 'confirmed', actor: 'dispatcher', actorId: 'u1', actorName: 'Aigerim', at: AT }));
    expect(r.patch).toEqual({
      status: 'confirmed',
      subMark: null,
      problemReason: null,
      problemComment: null,
      statusBeforeProblem: null,
      statusChangedAt: AT,
      confirmedAt: AT,
    });
    expect(r.event).toEqual<OrderEventDraft>({
      kind: 'status',
      at: AT,
      fromStatus: 'new',
      toStatus: 'confirmed',
      subMark: null,
      actor: 'dispatcher',
      actorId: 'u1',
      actorName: 'Aigerim',
      source: 'manual',
      reason: null,
      comment: null,
      driverId: null,
      changes: null,
      handover: null,
    });
  });

  it('keeps the first pick time when a problem returns to the warehouse', () => {
    const r = ok(resolveProblem({ status: 'problem', statusBeforeProblem: 'at_warehouse', pickedAt: AT - 5000 }, { to: 'at_warehouse', actor: 'supervisor', at: AT }));
    expect(r.patch.pickedAt).toBeUndefined();
    expect(r.patch.status).toBe('at_warehouse');
  });

  it('keeps the first confirmation time when a problem returns to confirmed', () => {
    const r = ok(resolveProblem({ status: 'problem', statusBeforeProblem: 'confirmed', confirmedAt: AT - 5000 }, { to: 'confirmed', actor: 'supervisor', at: AT }));
    expect(r.patch.confirmedAt).toBeUndefined();
    expect(r.patch).toMatchObject({ status: 'confirmed', problemReason: null, problemComment: null, statusBeforeProblem: null });
  });

  it('sets each first-time stamp only on its own status', () => {
    const blank = { confirmedAt: null, pickedAt: null, deliveredAt: null };
    const picked = ok(requestTransition({ status: 'confirmed', ...blank }, { to: 'at_warehouse', actor: 'warehouse', at: AT })).patch;
    expect(picked.confirmedAt).toBeUndefined();
    expect(picked.deliveredAt).toBeUndefined();
    const direct = ok(requestTransition({ status: 'confirmed', warehouseId: null, ...blank }, { to: 'in_transit', actor: 'driver', at: AT })).patch;
    expect(direct).not.toHaveProperty('pickedAt');
    expect(direct).not.toHaveProperty('confirmedAt');
  });

  it('keeps a comment on the event but not as a problem comment when the order is not a problem', () => {
    const r = ok(requestTransition({ status: 'new' }, { to: 'confirmed', actor: 'dispatcher', at: AT, comment: 'customer called' }));
    expect(r.event.comment).toBe('customer called');
    expect(r.patch.problemComment).toBeNull();
  });

  it('sets pickedAt on picking and deliveredAt on delivery, only when empty', () => {
    expect(ok(requestTransition({ status: 'confirmed', pickedAt: null }, { to: 'at_warehouse', actor: 'warehouse', source: 'scan', at: AT })).patch.pickedAt).toBe(AT);
    expect(ok(requestTransition({ status: 'in_transit', deliveredAt: null }, { to: 'delivered', actor: 'driver', driverId: 'd7', at: AT })).patch.deliveredAt).toBe(AT);
    expect(ok(requestTransition({ status: 'in_transit', deliveredAt: 5 }, { to: 'delivered', actor: 'driver', at: AT })).patch.deliveredAt).toBeUndefined();
  });

  it('records the source: defaults by actor, explicit scan kept', () => {
    expect(ok(requestTransition({ status: 'at_warehouse' }, { to: 'in_transit', actor: 'gps', at: AT })).event.source).toBe('gps');
    expect(ok(requestTransition({ status: 'at_warehouse' }, { to: 'in_transit', actor: 'courier', at: AT })).event.source).toBe('courier');
    expect(ok(requestTransition({ status: 'delivered' }, { to: 'closed', actor: 'system', at: AT })).event.source).toBe('system');
    expect(ok(requestTransition({ status: 'confirmed' }, { to: 'at_warehouse', actor: 'warehouse', source: 'scan', at: AT })).event.source).toBe('scan');
  });

  it('lets GPS movement set in_transit and a sub-mark in one event', () => {
    const r = ok(requestTransition({ status: 'at_warehouse' }, { to: 'in_transit', actor: 'gps', subMark: 'on_route', at: AT }));
    expect(r.patch.subMark).toBe('on_route');
    expect(r.event.subMark).toBe('on_route');
    expect(errorOf(requestTransition({ status: 'in_transit' }, { to: 'delivered', actor: 'driver', subMark: 'arrived', at: AT })).code).toBe('sub_mark_not_allowed');
  });

  it('clears the sub-mark when the status changes', () => {
    expect(ok(requestTransition({ status: 'in_transit', subMark: 'arrived' }, { to: 'delivered', actor: 'driver', at: AT })).patch.subMark).toBeNull();
  });

  it('produces an event that fits an order_events row and a patch that fits an order row', () => {
    const r = ok(requestTransition({ status: 'new' }, { to: 'confirmed', actor: 'dispatcher', at: AT }));
    const row: Omit<OrderEventRow, 'id' | 'orderId'> = r.event; // compile-time shape check
    const orderPatch: Partial<OrderRow> = r.patch;
    const asSubject = (o: OrderRow): StatusSubject => o;
    expect(asSubject).toBeTypeOf('function');
    expect(row.kind).toBe('status');
    expect(orderPatch.status).toBe('confirmed');
  });
});

describe('problems: reasons and comments', () => {
  it('requires a reason and stores it with the status before', () => {
    expect(errorOf(requestTransition({ status: 'in_transit' }, { to: 'problem', actor: 'driver', at: AT })).code).toBe('reason_required');
    const r = ok(requestTransition({ status: 'in_transit', subMark: 'arrived' }, { to: 'problem', actor: 'driver', reason: 'refused', comment: '  left at the door?  ', at: AT }));
    expect(r.patch).toMatchObject({ status: 'problem', problemReason: 'refused', problemComment: 'left at the door?', statusBeforeProblem: 'in_transit', subMark: null });
    expect(r.event).toMatchObject({ fromStatus: 'in_transit', toStatus: 'problem', reason: 'refused', comment: 'left at the door?' });
  });

  it('accepts every known reason and refuses unknown ones', () => {
    for (const reason of PROBLEM_REASONS) {
      const r = requestTransition({ status: 'confirmed' }, { to: 'problem', actor: 'warehouse', reason, comment: 'see photo', at: AT });
      expect(r.ok).toBe(true);
    }
    const bad = requestTransition({ status: 'confirmed' }, { to: 'problem', actor: 'warehouse', reason: 'lost_in_space' as ProblemReason, at: AT });
    expect(errorOf(bad)).toEqual({ code: 'invalid_reason', message: '"lost_in_space" is not a known problem reason' });
  });

  it("needs a comment for reason 'other' and for cancelling", () => {
    expect(errorOf(requestTransition({ status: 'confirmed' }, { to: 'problem', actor: 'dispatcher', reason: 'other', comment: '   ', at: AT }))).toMatchObject({
      code: 'comment_required',
      message: 'Describe the problem: reason "Other" needs a comment',
    });
    expect(errorOf(requestTransition({ status: 'new' }, { to: 'cancelled', actor: 'dispatcher', at: AT })).message).toBe('Say why the order is cancelled');
    expect(ok(requestTransition({ status: 'new' }, { to: 'cancelled', actor: 'dispatcher', comment: 'customer called off', at: AT })).event.comment).toBe('customer called off');
  });

  it('refuses a problem reason on other transitions rather than dropping it', () => {
    expect(errorOf(requestTransition({ status: 'new' }, { to: 'confirmed', actor: 'dispatcher', reason: 'delay', at: AT })).code).toBe('invalid_request');
  });
});

describe('messages a dispatcher understands', () => {
  const cases: [StatusSubject, Parameters<typeof requestTransition>[1], string][] = [
    [{ status: 'delivered' }, { to: 'new', actor: 'admin', at: AT }, "Order can't go from Delivered back to New"],
    [{ status: 'in_transit' }, { to: 'confirmed', actor: 'admin', at: AT }, "Order can't go from In transit back to Confirmed"],
    [{ status: 'new' }, { to: 'delivered', actor: 'admin', at: AT }, "Order can't go from New to Delivered: it must be Confirmed first"],
    [{ status: 'new' }, { to: 'in_transit', actor: 'admin', at: AT }, "Order can't go from New to In transit: it must be Confirmed first"],
    [{ status: 'confirmed', warehouseId: 'wh' }, { to: 'delivered', actor: 'admin', at: AT }, "Order can't go from Confirmed to Delivered: it must be At warehouse first"],
    [{ status: 'new' }, { to: 'confirmed', actor: 'warehouse', at: AT }, "A warehouse user can't confirm orders"],
    [{ status: 'in_transit' }, { to: 'delivered', actor: 'gps', at: AT }, "GPS can't mark orders delivered"],
    [{ status: 'closed' }, { to: 'cancelled', actor: 'admin', comment: 'x', at: AT }, "Order is Closed and can't change any more"],
    [{ status: 'in_transit' }, { to: 'cancelled', actor: 'dispatcher', comment: 'x', at: AT }, "Order is In transit and can't be cancelled; report a problem first"],
    [{ status: 'delivered' }, { to: 'cancelled', actor: 'dispatcher', comment: 'x', at: AT }, "Order is Delivered and can't be cancelled"],
    [{ status: 'delivered' }, { to: 'problem', actor: 'driver', reason: 'damaged', at: AT }, "A Delivered order can't be reported as a problem; register a claim instead"],
    [{ status: 'in_transit' }, { to: 'problem', actor: 'warehouse', reason: 'damaged', at: AT }, 'A warehouse user can report a problem only while the order is Confirmed or At warehouse'],
    [{ status: 'confirmed', warehouseId: 'wh' }, { to: 'in_transit', actor: 'driver', at: AT }, 'Order must be picked at the warehouse (At warehouse) before it goes In transit'],
    [{ status: 'problem', statusBeforeProblem: 'in_transit' }, { to: 'delivered', actor: 'driver', at: AT }, "A driver can't resolve a problem order; a dispatcher, supervisor or admin can"],
    [{ status: 'problem', statusBeforeProblem: 'new' }, { to: 'delivered', actor: 'dispatcher', at: AT }, 'A problem order can only be resolved to New, Confirmed or Cancelled'],
    [{ status: 'confirmed' }, { to: 'confirmed', actor: 'dispatcher', at: AT }, 'Order is already Confirmed'],
  ];
  for (const [order, req, message] of cases) {
    it(message, () => expect(errorOf(requestTransition(order, req)).message).toBe(message));
  }
  it('says plainly that an actor who never reports problems cannot', () => {
    expect(errorOf(requestTransition({ status: 'in_transit' }, { to: 'problem', actor: 'gps', reason: 'delay', at: AT })).message).toBe(
      `GPS can't ${STATUS_ACTION_LABELS.problem}`,
    );
  });
  it('joins status lists of any length in words', () => {
    expect(listLabels([])).toBe('');
    expect(listLabels(['new'])).toBe('New');
    expect(listLabels(['new', 'confirmed'])).toBe('New or Confirmed');
    expect(listLabels(['new', 'confirmed', 'cancelled'])).toBe('New, Confirmed or Cancelled');
  });
});

describe('bad input changes nothing and says why', () => {
  it('names the unknown value in the message', () => {
    const order: StatusSubject = { status: 'new' };
    expect(errorOf(requestTransition({ status: 'lost' as 'new' }, { to: 'confirmed', actor: 'dispatcher', at: AT })).message).toBe('Order has an unknown status "lost"');
    expect(errorOf(requestTransition(order, { to: 'gone' as 'new', actor: 'dispatcher', at: AT })).message).toBe('Unknown target status "gone"');
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'robot' as 'system', at: AT })).message).toBe('Unknown actor "robot"');
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', source: 'fax' as 'manual', at: AT })).message).toBe('Unknown event source "fax"');
    expect(errorOf(requestTransition({ status: 'confirmed', warehouseId: null }, { to: 'in_transit', actor: 'driver', subMark: 'flying' as 'on_route', at: AT }))).toEqual({
      code: 'invalid_request',
      message: 'Unknown sub-mark "flying"',
    });
  });

  it('takes any finite time from the epoch on and refuses the rest', () => {
    const order: StatusSubject = { status: 'new' };
    expect(ok(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', at: 0 })).patch.statusChangedAt).toBe(0);
    for (const at of [Number.NaN, Number.POSITIVE_INFINITY, -1, '5' as unknown as number, undefined as unknown as number]) {
      expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', at })), String(at)).toEqual({
        code: 'invalid_request',
        message: 'The time of the change is missing or invalid',
      });
    }
  });

  it('takes a comment of exactly the limit, refuses one character more and a comment that is not text', () => {
    const order: StatusSubject = { status: 'new' };
    const longest = 'x'.repeat(2000);
    expect(ok(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', at: AT, comment: longest })).event.comment).toBe(longest);
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', at: AT, comment: `${longest}x` })).message).toBe('The comment is too long (at most 2000 characters)');
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', at: AT, comment: 5 as unknown as string }))).toEqual({
      code: 'invalid_request',
      message: 'The comment must be text',
    });
  });

  it('rejects unknown statuses, actors, sources and times', () => {
    const order: StatusSubject = { status: 'new' };
    expect(errorOf(requestTransition({ status: 'lost' as 'new' }, { to: 'confirmed', actor: 'dispatcher', at: AT })).code).toBe('invalid_request');
    expect(errorOf(requestTransition(order, { to: 'gone' as 'new', actor: 'dispatcher', at: AT })).code).toBe('invalid_request');
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'robot' as 'system', at: AT })).code).toBe('invalid_request');
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', source: 'fax' as 'manual', at: AT })).code).toBe('invalid_request');
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', at: Number.NaN })).code).toBe('invalid_request');
    expect(errorOf(requestTransition(order, { to: 'confirmed', actor: 'dispatcher', at: AT, comment: 'x'.repeat(2001) })).code).toBe('invalid_request');
  });

  it('refuses to resolve an order that is not a problem', () => {
    expect(errorOf(resolveProblem({ status: 'in_transit' }, { to: 'delivered', actor: 'dispatcher', at: AT }))).toEqual({
      code: 'forbidden_transition',
      message: 'Order is In transit, not a problem; there is nothing to resolve',
    });
  });

  it('resolves a problem forward with a comment on the event', () => {
    const r = ok(resolveProblem({ status: 'problem', statusBeforeProblem: 'in_transit', problemReason: 'recipient_unreachable' } as StatusSubject, { to: 'delivered', actor: 'dispatcher', comment: 'recipient called back', at: AT }));
    expect(r.event).toMatchObject({ fromStatus: 'problem', toStatus: 'delivered', reason: null, comment: 'recipient called back' });
    expect(r.patch.deliveredAt).toBe(AT);
  });
});
