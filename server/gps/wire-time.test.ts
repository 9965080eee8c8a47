import { describe, expect, it } from 'vitest';
import { parseDecimal, parseIsoTime, parseOsmAndTimestamp } from './wire-time';

describe('parseIsoTime', () => {
  it.each([
    ['2020-08-10T21:32:12+0700', Date.UTC(2020, 7, 10, 14, 32, 12)],
    ['2020-08-10T21:32:12+07:00', Date.UTC(2020, 7, 10, 14, 32, 12)],
    ['2020-08-10T21:32:12+07', Date.UTC(2020, 7, 10, 14, 32, 12)],
    ['2020-08-10T21:32:12-0330', Date.UTC(2020, 7, 11, 1, 2, 12)],
    ['2020-08-10T21:32:12.5Z', Date.UTC(2020, 7, 10, 21, 32, 12, 500)],
    ['2020-08-10T21:32:12.862123Z', Date.UTC(2020, 7, 10, 21, 32, 12, 862)],
    ['2020-08-10T21:32:12', Date.UTC(2020, 7, 10, 21, 32, 12)],
    ['2020-08-10 21:32:12', Date.UTC(2020, 7, 10, 21, 32, 12)],
    ['2020-08-10T21:32Z', Date.UTC(2020, 7, 10, 21, 32)],
  ])('%s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });

  it.each(['', 'yesterday', '2020-13-01T00:00:00Z', '2021-02-29T00:00:00Z', '2020-08-10T25:00:00Z', '2020-08-10'])(
    'rejects %j',
    (text) => {
      expect(parseIsoTime(text)).toBeNull();
    },
  );
});

describe('parseDecimal', () => {
  it('reads what Double.parseDouble reads and nothing else', () => {
    expect(parseDecimal('87.0')).toBe(87);
    expect(parseDecimal('-1')).toBe(-1);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBe(1000);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('NaN')).toBeNull();
    expect(parseDecimal('12abc')).toBeNull();
    expect(parseDecimal('0x10')).toBeNull();
  });
});

describe('parseOsmAndTimestamp', () => {
  it('tells seconds from milliseconds at 2147483647', () => {
    expect(parseOsmAndTimestamp('1377177267')).toBe(1377177267000);
    expect(parseOsmAndTimestamp('1442068686579')).toBe(1442068686579);
  });
  it('rejects negative numbers', () => {
    expect(parseOsmAndTimestamp('-5')).toBeNull();
  });
});
