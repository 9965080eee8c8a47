import { describe, expect, it } from 'vitest';
import type { Actor, OrderStatus, SubMark } from './vocabulary';
import { ACTORS, ORDER_STATUSES, SUB_MARKS } from './vocabulary';
import type { SubMarkResult } from './order-sub-mark';
import { requestSubMark } from './order-sub-mark';

const AT = Date.UTC(2026, 2, 2, 9, 2);
const FIELD = 'driver gps courier dispatcher supervisor admin'.split(' ');
const DESK = 'dispatcher supervisor admin'.split(' ');

/** current mark -> next mark -> actors, written out by hand. */
const EXPECTED: Record<'none' | SubMark, Partial<Record<SubMark, string[]>>> = {
  none: { left_warehouse: [...FIELD, 'warehouse'], on_route: FIELD, arrived: FIELD },
  left_warehouse: { on_route: FIELD, arrived: FIELD },
  on_route: { left_warehouse: DESK, arrived: FIELD },
  arrived: { left_warehouse: DESK, on_route: DESK },
};

function errorOf(result: SubMarkResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('requestSubMark', () => {
  it('matches the hand-written table for every (current, next, actor)', () => {
    const mismatches: string[] = [];
    for (const current of ['none', ...SUB_MARKS] as const) {
      for (const next of SUB_MARKS) {
        for (const actor of ACTORS) {
          const r = requestSubMark({ status: 'in_transit', subMark: current === 'none' ? null : current }, { subMark: next, actor, at: AT });
          const want = (EXPECTED[current][next] ?? []).includes(actor);
          if (r.ok !== want) mismatches.push(`${current} -> ${next} by ${actor}`);
          if (!r.ok && r.error.code !== (current === next ? 'no_change' : 'actor_not_allowed')) mismatches.push(`${current} -> ${next} by ${actor}: ${r.error.code}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('allows sub-marks only while in transit', () => {
    const others = ORDER_STATUSES.filter((s): s is Exclude<OrderStatus, 'in_transit'> => s !== 'in_transit');
    for (const status of others) {
      const e = errorOf(requestSubMark({ status }, { subMark: 'arrived', actor: 'gps', at: AT }));
      expect(e.code).toBe('sub_mark_not_allowed');
    }
    expect(errorOf(requestSubMark({ status: 'delivered' }, { subMark: 'arrived', actor: 'driver', at: AT })).message).toBe(
      '"Arrived at the point" can only be marked while the order is In transit; it is Delivered',
    );
  });

  it('records a sub_mark event with the unchanged status and GPS as the source', () => {
    const r = requestSubMark({ status: 'in_transit', subMark: 'on_route' }, { subMark: 'arrived', actor: 'gps', actorId: 'device-17', driverId: 'd7', at: AT });
    expect(r).toEqual({
      ok: true,
      patch: { subMark: 'arrived' },
      event: {
        kind: 'sub_mark',
        at: AT,
        fromStatus: 'in_transit',
        toStatus: 'in_transit',
        subMark: 'arrived',
        actor: 'gps',
        actorId: 'device-17',
        actorName: null,
        source: 'gps',
        reason: null,
        comment: null,
        driverId: 'd7',
        changes: null,
        handover: null,
      },
    });
  });

  it('explains why GPS cannot move a mark back and a repeat is no change', () => {
    expect(errorOf(requestSubMark({ status: 'in_transit', subMark: 'arrived' }, { subMark: 'on_route', actor: 'gps' as Actor, at: AT })).message).toBe(
      'GPS can\'t move the mark back from "Arrived at the point" to "On route"; a dispatcher can correct it',
    );
    expect(errorOf(requestSubMark({ status: 'in_transit', subMark: 'arrived' }, { subMark: 'arrived', actor: 'gps', at: AT })).code).toBe('no_change');
    expect(errorOf(requestSubMark({ status: 'in_transit' }, { subMark: 'parked' as SubMark, actor: 'gps', at: AT })).code).toBe('invalid_request');
  });
});

describe('requestSubMark refusals in words', () => {
  const inTransit = (subMark: SubMark | null) => ({ status: 'in_transit' as const, subMark });
  it('passes on the common check’s refusal (an unknown actor) before anything else', () => {
    expect(errorOf(requestSubMark(inTransit(null), { subMark: 'arrived', actor: 'robot' as Actor, at: AT }))).toMatchObject({ code: 'invalid_request', message: 'Unknown actor "robot"' });
  });
  it('names an unknown sub-mark', () => {
    expect(errorOf(requestSubMark(inTransit(null), { subMark: 'teleported' as SubMark, actor: 'driver', at: AT }))).toEqual({ code: 'invalid_request', message: 'Unknown sub-mark "teleported"' });
  });
  it('says the order already has the mark', () => {
    expect(errorOf(requestSubMark(inTransit('arrived'), { subMark: 'arrived', actor: 'driver', at: AT }))).toEqual({ code: 'no_change', message: 'Order is already marked "Arrived at the point"' });
  });
  it('tells a driver moving a mark back that a dispatcher can correct it', () => {
    expect(errorOf(requestSubMark(inTransit('arrived'), { subMark: 'on_route', actor: 'driver', at: AT }))).toEqual({
      code: 'actor_not_allowed',
      message: 'A driver can\'t move the mark back from "Arrived at the point" to "On route"; a dispatcher can correct it',
    });
  });
  it('tells a warehouse user which forward mark is not theirs', () => {
    expect(errorOf(requestSubMark(inTransit(null), { subMark: 'on_route', actor: 'warehouse', at: AT }))).toEqual({ code: 'actor_not_allowed', message: 'A warehouse user can\'t mark "On route"' });
    // A forward step from an existing mark is still a forward step, not a move back.
    expect(errorOf(requestSubMark(inTransit('left_warehouse'), { subMark: 'on_route', actor: 'warehouse', at: AT }))).toEqual({ code: 'actor_not_allowed', message: 'A warehouse user can\'t mark "On route"' });
  });
});
