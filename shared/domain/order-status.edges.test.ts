// Edges of the status tables a mutation run found unread: staying put is never a move, for
// statuses and for in-transit sub-marks alike.
import { describe, expect, it } from 'vitest';
import { subMarkActors, subMarkGoesBack, transitionActors } from './order-status';
import { ORDER_STATUSES, SUB_MARKS } from './vocabulary';

describe('staying put is not a move', () => {
  it('lets nobody move a status to itself', () => {
    for (const s of ORDER_STATUSES) expect(transitionActors(s, s), s).toEqual([]);
  });
  it('lets nobody set the sub-mark an order already has', () => {
    for (const m of SUB_MARKS) expect(subMarkActors(m, m), m).toEqual([]);
  });
  it('still lets the desk take a sub-mark back and the road set the next one', () => {
    expect(subMarkActors('arrived', 'on_route')).not.toContain('gps');
    expect(subMarkActors('arrived', 'on_route')).toContain('dispatcher');
    expect(subMarkActors('left_warehouse', 'on_route')).toContain('gps');
  });
});

describe('a sub-mark going back', () => {
  it('is a mark earlier on the way than the current one; never the same mark, nor a first mark', () => {
    for (const [i, current] of SUB_MARKS.entries()) {
      for (const [j, next] of SUB_MARKS.entries()) expect(subMarkGoesBack(current, next), `${current} -> ${next}`).toBe(j < i);
      expect(subMarkGoesBack(null, current), `none -> ${current}`).toBe(false);
    }
  });
});
