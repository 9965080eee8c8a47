// Warehouse reads from a real replica file: the warehouse a user works at (none for a desk
// user or a user the replica does not hold) and the warehouses with their places and regions.
import { describe, expect, it } from 'vitest';
import { users } from '../../../shared/schema';
import { eachFixtureReplica, T0 } from '../../testing/fixture-replica';
import { listWarehouses, warehouseIdOfUser } from './warehouse-queries';

const fx = eachFixtureReplica();

describe('warehouse queries', () => {
  it("gives the user's own warehouse, null without one or without the user", () => {
    fx().replica.db.insert(users).values({ id: 'u-wh2', name: 'Arman', role: 'warehouse', warehouseId: 'w2', updatedAt: T0 }).run();
    expect(warehouseIdOfUser(fx().replica, 'u-wh')).toBe('w1');
    expect(warehouseIdOfUser(fx().replica, 'u-wh2')).toBe('w2');
    expect(warehouseIdOfUser(fx().replica, 'u-disp')).toBeNull();
    expect(warehouseIdOfUser(fx().replica, 'nobody')).toBeNull();
  });

  it('lists the warehouses by name with their place and region', () => {
    expect(listWarehouses(fx().replica)).toEqual([
      { id: 'w1', name: 'Astana North', city: 'Astana', address: 'Kenesary 1', lat: 51.18, lon: 71.44, regionId: 'r-ast' },
      { id: 'w2', name: 'Astana South', city: 'Astana', address: 'Turan 5', lat: 51.1, lon: 71.41, regionId: 'r-ast' },
    ]);
  });
});
