// The status a resolved problem returns to, read from a real replica file: the stored one,
// null when the order's earlier status is unknown, undefined for an order not in the replica.
import { describe, expect, it } from 'vitest';
import { eachFixtureReplica } from '../../testing/fixture-replica';
import { statusBeforeProblem } from './status-before-problem';

const fx = eachFixtureReplica();

describe('status before problem', () => {
  it('reads the order it is asked about', () => {
    fx().addOrder({ id: 'p1', status: 'problem', problemReason: 'delay', statusBeforeProblem: 'at_warehouse' });
    fx().addOrder({ id: 'p2', status: 'problem', problemReason: 'damaged', statusBeforeProblem: 'in_transit' });
    expect(statusBeforeProblem(fx().replica, 'p1')).toEqual({ before: 'at_warehouse' });
    expect(statusBeforeProblem(fx().replica, 'p2')).toEqual({ before: 'in_transit' });
  });

  it('is null when the earlier status is unknown, undefined when the order is not there', () => {
    fx().addOrder({ id: 'p3', status: 'problem', problemReason: 'delay', statusBeforeProblem: null });
    expect(statusBeforeProblem(fx().replica, 'p3')).toEqual({ before: null });
    expect(statusBeforeProblem(fx().replica, 'nope')).toBeUndefined();
  });
});
