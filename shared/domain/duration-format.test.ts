// The short durations of messages and countdowns: days and hours, hours and minutes, or minutes,
// rounded down so a countdown never reads a unit early.
import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration-format';

const MIN = 60_000;

describe('formatDuration', () => {
  it('reads zero as "0 min", with no sign', () => {
    expect(formatDuration(0)).toBe('0 min');
  });

  it('names the two largest units, leaving out a zero second one', () => {
    expect(formatDuration(45 * MIN)).toBe('45 min');
    expect(formatDuration(135 * MIN)).toBe('2 h 15 min');
    expect(formatDuration(120 * MIN)).toBe('2 h');
    expect(formatDuration(27 * 60 * MIN + 59 * MIN)).toBe('1 d 3 h');
    expect(formatDuration(24 * 60 * MIN)).toBe('1 d');
  });

  it('rounds down to the minute: 1 h 59 min 59 s is not yet 2 h', () => {
    expect(formatDuration(2 * 60 * MIN - 1000)).toBe('1 h 59 min');
    expect(formatDuration(MIN - 1)).toBe('0 min');
  });

  it('signs an overdue (negative) duration', () => {
    expect(formatDuration(-45 * MIN)).toBe('-45 min');
    expect(formatDuration(-135 * MIN)).toBe('-2 h 15 min');
    expect(formatDuration(-25 * 60 * MIN)).toBe('-1 d 1 h');
  });
});
