// The card's timeline on the replica: events of one millisecond keep the order they were
// recorded in (their ids are random and sort any way), oldest moment first.
import { describe, expect, it } from 'vitest';
import { orderEvents } from '../../../shared/schema';
import { eachFixtureReplica, T0 } from '../../testing/fixture-replica';
import { orderDetail } from './order-detail';

const fx = eachFixtureReplica();

describe('order detail timeline', () => {
  it('reads one moment in the order it was recorded, earlier moments first', () => {
    fx().addOrder({ id: 'o1' });
    const event = (id: string, at: number, toStatus: 'confirmed' | 'at_warehouse' | 'in_transit') =>
      ({ id, orderId: 'o1', kind: 'status', at, fromStatus: null, toStatus, actor: 'dispatcher', source: 'manual' }) as const;
    // Ids chosen to sort against the recorded order.
    fx().replica.db.insert(orderEvents).values(event('zz', T0, 'confirmed')).run();
    fx().replica.db.insert(orderEvents).values(event('mm', T0, 'at_warehouse')).run();
    fx().replica.db.insert(orderEvents).values(event('aa', T0, 'in_transit')).run();
    fx().replica.db.insert(orderEvents).values(event('00', T0 - 1, 'confirmed')).run();
    const detail = orderDetail(fx().replica, 'o1', 'dispatcher', new Set());
    const statuses = detail?.events.filter((e) => e.orderId === 'o1' && e.kind === 'status').map((e) => `${e.id}:${e.toStatus}`);
    expect(statuses).toEqual(['00:confirmed', 'zz:confirmed', 'mm:at_warehouse', 'aa:in_transit']);
  });
});
