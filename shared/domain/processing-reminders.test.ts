import { describe, expect, it } from 'vitest';
import type { ReminderOrder } from './processing-reminders';
import { nextReminderAt, processingReminders } from './processing-reminders';
import { formatDuration } from './duration-format';

const T0 = Date.UTC(2026, 2, 2, 4, 0);
const H = 3_600_000;

const fresh: ReminderOrder = { status: 'new', createdAt: T0, confirmedAt: null, pickedAt: null };
const confirmed: ReminderOrder = { status: 'confirmed', createdAt: T0 - H, confirmedAt: T0, pickedAt: null };

describe('processingReminders', () => {
  it('not_taken: due strictly after 2 h in New', () => {
    expect(processingReminders(fresh, T0 + 2 * H - 1)).toEqual([]);
    expect(processingReminders(fresh, T0 + 2 * H)).toEqual([]);
    expect(processingReminders(fresh, T0 + 2 * H + 1)).toEqual([
      { kind: 'not_taken', since: T0, dueAt: T0 + 2 * H, overdueMs: 1, message: 'Not taken into work for 2 h since it arrived' },
    ]);
  });

  it('not_picked: due strictly after 24 h confirmed and not picked', () => {
    expect(processingReminders(confirmed, T0 + 24 * H)).toEqual([]);
    const [r] = processingReminders(confirmed, T0 + 27 * H + 15 * 60_000);
    expect(r).toMatchObject({ kind: 'not_picked', since: T0, overdueMs: 3 * H + 15 * 60_000, message: 'Confirmed 1 d 3 h ago and still not picked' });
  });

  it('stops once the order moves on or is picked', () => {
    const late = T0 + 100 * H;
    expect(processingReminders({ ...fresh, status: 'confirmed', confirmedAt: late - 1 }, late)).toEqual([]);
    expect(processingReminders({ ...confirmed, pickedAt: T0 + H }, late)).toEqual([]);
    expect(processingReminders({ ...confirmed, status: 'at_warehouse' }, late)).toEqual([]);
    expect(processingReminders({ ...confirmed, status: 'cancelled' }, late)).toEqual([]);
  });

  it('takes custom thresholds', () => {
    const t = { notTakenMinutes: 30, notPickedMinutes: 60 };
    expect(processingReminders(fresh, T0 + 31 * 60_000, t).map((r) => r.kind)).toEqual(['not_taken']);
    expect(processingReminders(confirmed, T0 + 61 * 60_000, t).map((r) => r.kind)).toEqual(['not_picked']);
  });

  it('tells a scheduler when the next reminder becomes due', () => {
    expect(nextReminderAt(fresh, T0)).toBe(T0 + 2 * H + 1);
    expect(nextReminderAt(fresh, T0 + 3 * H)).toBeNull();
    expect(nextReminderAt(confirmed, T0)).toBe(T0 + 24 * H + 1);
    expect(nextReminderAt({ ...confirmed, status: 'delivered' }, T0)).toBeNull();
  });

  it('names the instant a reminder starts until it has started', () => {
    expect(nextReminderAt(fresh, T0 + 2 * H)).toBe(T0 + 2 * H + 1);
    expect(nextReminderAt(fresh, T0 + 2 * H + 1)).toBeNull();
    expect(processingReminders(fresh, T0 + 2 * H + 1)).toHaveLength(1);
  });

  it('has nothing to remind of a confirmed order without its confirmation time', () => {
    const broken: ReminderOrder = { ...confirmed, confirmedAt: null };
    expect(processingReminders(broken, T0 + 100 * H)).toEqual([]);
    expect(nextReminderAt(broken, T0)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('reads like a dispatcher would say it, rounded down', () => {
    expect(formatDuration(45 * 60_000 + 59_999)).toBe('45 min');
    expect(formatDuration(2 * H)).toBe('2 h');
    expect(formatDuration(2 * H + 15 * 60_000)).toBe('2 h 15 min');
    expect(formatDuration(27 * H)).toBe('1 d 3 h');
    expect(formatDuration(48 * H)).toBe('2 d');
    expect(formatDuration(-90 * 60_000)).toBe('-1 h 30 min');
  });
});
