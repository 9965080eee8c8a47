// The one factory for an order row in tests, fakes, fixtures and benches: every column filled
// (the database's own defaults where it has them), so a caller states only what its test is
// about. A new column is added here once, not in each fixture.
import { ORDER_INTAKE_DEFAULTS } from '../domain/order-intake';
import type { OrderRow } from '../schema';

export function testOrderRow(over: Partial<OrderRow> & { id: string; number: string }): OrderRow {
  return {
    customerId: null,
    customerName: 'Тестовый клиент',
    customerPhone: '',
    customerEmail: null,
    pickupAddress: 'г. Алматы, Турксибский р-н, ул. Бекмаханова, 93',
    pickupLat: 43.3358,
    pickupLon: 76.9652,
    deliveryAddress: 'г. Алматы, Медеуский р-н, пр. Достык, 5',
    deliveryCity: 'Алматы',
    deliveryLat: 43.25,
    deliveryLon: 76.96,
    warehouseId: null,
    regionId: 'kz-almaty',
    serviceType: 'standard',
    vipNormMinutes: null,
    cargoDescription: '',
    weightKg: 0,
    volumeM3: 0,
    places: 1,
    status: 'new',
    subMark: null,
    problemReason: null,
    problemComment: null,
    statusBeforeProblem: null,
    driverId: null,
    carrierId: null,
    carrierDealId: null,
    courierProvider: null,
    courierTrackingNumber: null,
    assignedBy: null,
    assignedAt: null,
    slaDeadline: null,
    createdAt: 1,
    confirmedAt: null,
    pickedAt: null,
    deliveredAt: null,
    statusChangedAt: 1,
    updatedAt: 1,
    version: 1,
    ...ORDER_INTAKE_DEFAULTS,
    ...over,
  };
}
