import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../../../shared/domain/order-status';
import { listOrdersSchema } from '../../../../shared/api/orders-api';
import { activeFilterCount, DEFAULT_FILTERS, queryKey, toApiFilters, toListRequest } from './filters';

describe('queue filters -> API query', () => {
  it('asks for open orders by default, most urgent first', () => {
    const req = toListRequest(DEFAULT_FILTERS, 'time_left', 0, 100);
    expect(req).toEqual({ status: [...OPEN_STATUSES], sort: 'time_left', sortDir: 'asc', offset: 0, limit: 100 });
    // What we send is what main accepts.
    expect(listOrdersSchema.safeParse(req).success).toBe(true);
  });

  it('maps every filter and leaves out the empty ones', () => {
    expect(
      toApiFilters({ status: 'problem', warehouseId: 'wh-1', serviceType: 'express', driverId: 'none', risk: 'breached', carriedBy: 'courier', search: '  AL-10  ' }),
    ).toEqual({ status: ['problem'], warehouseId: 'wh-1', serviceType: 'express', driverId: 'none', slaBucket: 'breached', carriedBy: 'courier', search: 'AL-10' });
    expect(toApiFilters({ ...DEFAULT_FILTERS, status: 'all' })).toEqual({});
  });

  it('normalises search text and cuts it to what the API accepts', () => {
    expect(toApiFilters({ ...DEFAULT_FILTERS, status: 'all', search: 'абая \t 12' }).search).toBe('абая 12');
    const long = toListRequest({ ...DEFAULT_FILTERS, search: 'x'.repeat(500) }, 'newest', 200, 100);
    expect(long.search).toHaveLength(200);
    expect(long).toMatchObject({ sort: 'created', sortDir: 'desc', offset: 200 });
    expect(listOrdersSchema.safeParse(long).success).toBe(true);
  });

  it('keys result sets by query, not by cosmetic differences', () => {
    expect(queryKey({ ...DEFAULT_FILTERS, search: 'abc ' }, 'time_left')).toBe(queryKey({ ...DEFAULT_FILTERS, search: 'abc' }, 'time_left'));
    expect(queryKey(DEFAULT_FILTERS, 'time_left')).not.toBe(queryKey(DEFAULT_FILTERS, 'newest'));
  });

  it('counts active filters for the clear button (search is not a filter)', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, status: 'all', risk: 'at_risk', search: 'x' })).toBe(2);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, carriedBy: 'carrier' })).toBe(1);
  });
});
