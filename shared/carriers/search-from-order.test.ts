import { describe, expect, it } from 'vitest';
import { carrierSearchFromOrder, type CarrierSearchOrder } from './search-from-order';

const ALMATY = { pickupLat: 43.238, pickupLon: 76.945 };
const order = (over: Partial<CarrierSearchOrder> = {}): CarrierSearchOrder => ({
  ...ALMATY,
  deliveryCity: 'Астана',
  weightKg: 0,
  volumeM3: 0,
  refrigerated: false,
  hazardClass: null,
  ...over,
});

describe('the carrier search filled from an order', () => {
  it('loads where the pickup is and unloads in the delivery city', () => {
    expect(carrierSearchFromOrder(order())).toEqual({ fromCity: 'Алматы', toCity: 'Астана' });
  });

  it('asks for the tonnage rounded up to 0.1 t, so 1,501 kg never matches a 1.5 t truck', () => {
    expect(carrierSearchFromOrder(order({ weightKg: 1501 })).minTonnage).toBe(1.6);
    expect(carrierSearchFromOrder(order({ weightKg: 1500 })).minTonnage).toBe(1.5);
    expect(carrierSearchFromOrder(order({ volumeM3: 12.01 })).minVolumeM3).toBe(12.1);
  });

  it('asks for refrigeration and the ADR class the cargo needs', () => {
    expect(carrierSearchFromOrder(order({ refrigerated: true, hazardClass: '3' }))).toMatchObject({ refrigerated: true, adrClass: '3' });
  });

  it("falls back to the warehouse's city when the pickup is nowhere known", () => {
    expect(carrierSearchFromOrder(order({ pickupLat: 0, pickupLon: 0 }), 'Караганда').fromCity).toBe('Караганда');
    expect(carrierSearchFromOrder(order({ pickupLat: 0, pickupLon: 0 }))).not.toHaveProperty('fromCity');
  });
});
