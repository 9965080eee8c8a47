import { describe, expect, it } from 'vitest';
import type { WarehouseListRow } from '../../../../shared/api/warehouse-api';
import { buildRequest, emptyDraft, parseAmount, windowInstants, withCustomer, withDeliveryPoint, type Draft } from './form-model';

const NOW = Date.UTC(2026, 11, 2, 6, 0); // 11:00 in Almaty (UTC+5)
const WAREHOUSES: WarehouseListRow[] = [
  { id: 'wh-ala', name: 'Алматы-1', city: 'Алматы', address: 'ул. Суюнбая 2', lat: 43.28, lon: 76.95, regionId: 'almaty' },
  { id: 'wh-ast', name: 'Астана-1', city: 'Астана', address: 'пр. Победы 1', lat: 51.18, lon: 71.44, regionId: 'astana' },
];

function filled(): Draft {
  let d = emptyDraft();
  d = { ...d, customerName: 'Айгерим', customerPhone: '8 701 123 45 67' };
  d = withDeliveryPoint(d, { address: 'ул. Толе би 59', city: 'Алматы', lat: 43.2546, lon: 76.9282, approximate: false }, WAREHOUSES);
  return d;
}

describe('the new-order form model', () => {
  it('parses amounts as people type them', () => {
    expect(parseAmount(' 4,5 ')).toBe(4.5);
    expect(parseAmount('1 200')).toBe(1200);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('4 кг')).toBeNaN();
    expect(parseAmount('1e9')).toBeNaN();
  });

  it('proposes the nearest warehouse for the delivery point, and the pickup at it', () => {
    const d = filled();
    expect(d).toMatchObject({ warehouseId: 'wh-ala', pickupAddress: 'ул. Суюнбая 2', pickupLat: '43.28' });
    const chosen = { ...d, warehouseProposed: false, warehouseId: 'wh-ast' };
    expect(withDeliveryPoint(chosen, { lat: 43.2, lon: 76.9, approximate: true }, WAREHOUSES).warehouseId).toBe('wh-ast');
  });

  it('builds the request with the window in the region time', () => {
    const d = { ...filled(), windowDay: '2026-12-03', windowFrom: 14 * 60, windowTo: 16 * 60, weightKg: '2,5', places: '2', hazardClass: '3' as const };
    const { request, problems } = buildRequest(d, 300, NOW);
    expect(problems).toEqual([]);
    expect(request).toMatchObject({
      customerPhone: '8 701 123 45 67',
      deliveryLat: 43.2546,
      warehouseId: 'wh-ala',
      windowStart: Date.UTC(2026, 11, 3, 9),
      windowEnd: Date.UTC(2026, 11, 3, 11),
      weightKg: 2.5,
      places: 2,
      hazardClass: '3',
      customerEmail: null,
    });
    expect(windowInstants('2026-12-03', 0, 60, 300)).toEqual({ start: Date.UTC(2026, 11, 2, 19), end: Date.UTC(2026, 11, 2, 20) });
  });

  it('names every field it cannot use, and builds nothing', () => {
    const d = { ...filled(), customerPhone: '12', deliveryLat: '95', deliveryLon: 'восток', weightKg: 'тяжёлый', places: '0', windowDay: '2026-12-03', windowFrom: 16 * 60, windowTo: 14 * 60 };
    const { request, problems } = buildRequest(d, 300, NOW);
    expect(request).toBeNull();
    expect(problems).toEqual([
      { field: 'deliveryLon', problem: 'not_number' },
      { field: 'weightKg', problem: 'not_number' },
      { field: 'customerPhone', problem: 'phone' },
      { field: 'deliveryLat', problem: 'latitude' },
      { field: 'windowEnd', problem: 'window_order' },
      { field: 'places', problem: 'whole' },
    ]);
  });

  it('asks for the pickup address of a direct pickup', () => {
    const d = { ...filled(), warehouseId: null, pickupAddress: '', pickupLat: '43.2', pickupLon: '76.9' };
    expect(buildRequest(d, 300, NOW).problems).toEqual([{ field: 'pickupAddress', problem: 'required' }]);
  });

  it('takes a found customer with their contract and last address', () => {
    const d = withCustomer(emptyDraft(), {
      customerId: 'c1', name: 'ТОО Алем', phone: '+7 701 111 22 33', email: null, vipNormMinutes: 120, orderCount: 3,
      lastAddresses: [{ address: 'пр. Абая 10', city: 'Алматы', lat: 43.24, lon: 76.9, lastUsedAt: NOW }],
    });
    expect(d).toMatchObject({ customerId: 'c1', vipNormMinutes: 120, deliveryAddress: 'пр. Абая 10', deliveryLat: '43.24' });
  });
});
