import { describe, expect, it } from 'vitest';
import { fromDayAndMinute, toDayAndMinute } from './period-input';

describe('the custom period on the company clock (UTC+5)', () => {
  it('reads a day and time of day as Almaty time, and writes them back', () => {
    const ms = fromDayAndMinute('2026-12-02', 9 * 60 + 30);
    expect(ms).toBe(Date.UTC(2026, 11, 2, 4, 30));
    expect(toDayAndMinute(ms as number)).toEqual({ day: '2026-12-02', minute: 570 });
    // 22:00 UTC is already the next day in Almaty.
    expect(toDayAndMinute(Date.UTC(2026, 11, 2, 22, 0))).toEqual({ day: '2026-12-03', minute: 180 });
    expect(fromDayAndMinute('2100-01-01', 0)).toBe(Date.UTC(2099, 11, 31, 19, 0));
    expect(fromDayAndMinute('02.12.2026', 0)).toBeNull();
  });
});
