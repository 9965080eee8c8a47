import { describe, expect, it } from 'vitest';
import { testOrderRow } from '../../../../shared/testing/order-row';
import { buildEdit, draftFromOrder } from './edit-model';

const NOW = Date.UTC(2026, 11, 2, 6);
const order = testOrderRow({ id: 'o1', number: 'MR-1', deliveryAddress: 'Абая 10', customerPhone: '+7 701 111 22 33', windowStart: Date.UTC(2026, 11, 1, 9), windowEnd: Date.UTC(2026, 11, 1, 11), weightKg: 2 });

describe('the card edit model', () => {
  it('round-trips the order: nothing changed, nothing sent, even with a past window', () => {
    const d = draftFromOrder(order, 300);
    expect(d).toMatchObject({ windowDay: '2026-12-01', windowFrom: 14 * 60, windowTo: 16 * 60, weightKg: '2' });
    expect(buildEdit(order, d, 300, NOW)).toEqual({ changes: null, problems: [] });
  });

  it('sends only what changed', () => {
    const d = { ...draftFromOrder(order, 300), deliveryAddress: 'Абая 12', weightKg: '2,5', fragile: true, windowDay: '2026-12-03' };
    expect(buildEdit(order, d, 300, NOW)).toEqual({
      changes: { deliveryAddress: 'Абая 12', weightKg: 2.5, fragile: true, windowStart: Date.UTC(2026, 11, 3, 9), windowEnd: Date.UTC(2026, 11, 3, 11) },
      problems: [],
    });
    expect(buildEdit(order, { ...draftFromOrder(order, 300), windowDay: '' }, 300, NOW).changes).toEqual({ windowStart: null, windowEnd: null });
  });

  it('names wrong fields: a bad phone, a latitude off the Earth, a window in the past', () => {
    const d = { ...draftFromOrder(order, 300), customerPhone: 'нет', deliveryLat: '200', windowDay: '2026-11-30' };
    const r = buildEdit(order, d, 300, NOW);
    expect(r.changes).toBeNull();
    expect(r.problems).toEqual([
      { field: 'customerPhone', problem: 'phone' },
      { field: 'deliveryLat', problem: 'latitude' },
      { field: 'windowEnd', problem: 'window_past' },
    ]);
  });
});
