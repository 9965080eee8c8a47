import { describe, expect, it } from 'vitest';
import { formatMinuteOfDay, parseDayInput, parseTimeInput } from './parse-input';

describe('typed days and times', () => {
  it('reads day-first dates in either separator and ISO', () => {
    expect(parseDayInput('02.12.2026')).toBe('2026-12-02');
    expect(parseDayInput('2/12/26')).toBe('2026-12-02');
    expect(parseDayInput(' 2026-12-02 ')).toBe('2026-12-02');
  });
  it('refuses what is not a day', () => {
    for (const bad of ['31.02.2026', '12/31/2026', '00.01.2026', '1.1.2100', '', 'завтра', '1.1']) expect(parseDayInput(bad)).toBeNull();
  });
  it('reads 24-hour times', () => {
    expect(parseTimeInput('9:05')).toBe(545);
    expect(parseTimeInput('0905')).toBe(545);
    expect(parseTimeInput('18.30')).toBe(1110);
    expect(parseTimeInput('9')).toBe(540);
    for (const bad of ['24:00', '9:60', '9 AM', '', '-1:00']) expect(parseTimeInput(bad)).toBeNull();
    expect(formatMinuteOfDay(545)).toBe('09:05');
  });
});
