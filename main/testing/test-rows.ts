// Minimal valid rows for db tests: every required column filled, override what the test is about.
import type { carriers, orders } from '../../shared/schema';

export function testOrder(over: Partial<typeof orders.$inferInsert> & { id: string; number: string }): typeof orders.$inferInsert {
  return {
    customerName: 'Тестовый клиент',
    pickupAddress: 'г. Алматы, Турксибский р-н, ул. Бекмаханова, 93',
    pickupLat: 43.3358,
    pickupLon: 76.9652,
    deliveryAddress: 'г. Алматы, Медеуский р-н, пр. Достык, 5',
    deliveryCity: 'Алматы',
    deliveryLat: 43.25,
    deliveryLon: 76.96,
    regionId: 'kz-almaty',
    serviceType: 'standard',
    status: 'new',
    createdAt: 1,
    statusChangedAt: 1,
    updatedAt: 1,
    ...over,
  };
}

export function testCarrier(over: Partial<typeof carriers.$inferInsert> & { id: string; name: string }): typeof carriers.$inferInsert {
  return { createdAt: 1, updatedAt: 1, ...over };
}
