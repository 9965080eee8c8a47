// The one alert row builder: a new alert is open, unacknowledged, created and updated now, its
// words in both languages; resolving writes why and when and keeps everything else.
import { describe, expect, it } from 'vitest';
import { openAlertRow, resolvedAlertRow, type NewAlert } from './alert-row';

const NOW = Date.UTC(2026, 1, 10, 9, 0);
const NEW: NewAlert = {
  id: 'alw:w1:no_shift_start:1',
  orderId: null,
  orderNumber: null,
  warehouseId: 'w1',
  kind: 'no_shift_start',
  dueAt: NOW - 60_000,
  triggeredAt: NOW - 60_000,
  audience: 'supervisor',
  assigneeId: null,
  priority: false,
  customerName: '',
  message: { ru: 'Никто не начал день', en: 'Nobody started the day' },
  tasks: [],
};

describe('alert rows', () => {
  it('builds a new alert open and unacknowledged, its words in both columns', () => {
    const { message: _words, ...own } = NEW;
    expect(openAlertRow(NEW, NOW)).toStrictEqual({
      ...own,
      createdAt: NOW,
      messageRu: 'Никто не начал день',
      messageEn: 'Nobody started the day',
      state: 'open',
      acknowledgedAt: null,
      acknowledgedBy: null,
      acknowledgedByName: null,
      resolvedAt: null,
      resolution: null,
      updatedAt: NOW,
    });
  });

  it('resolves with the reason and the time, keeping who acknowledged it', () => {
    const acked = { ...openAlertRow(NEW, NOW), state: 'acknowledged' as const, acknowledgedAt: NOW + 1, acknowledgedBy: 'u1', acknowledgedByName: 'Айгерим' };
    expect(resolvedAlertRow(acked, 'condition_cleared', NOW + 5)).toStrictEqual({ ...acked, state: 'resolved', resolution: 'condition_cleared', resolvedAt: NOW + 5, updatedAt: NOW + 5 });
  });
});
