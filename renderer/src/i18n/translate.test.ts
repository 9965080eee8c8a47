import { describe, expect, it } from 'vitest';
import { EN } from './dictionary-en';
import { RU } from './dictionary-ru';
import { formatDuration, formatTimer } from './format-time';
import { detectLanguage, interpolate, makeTranslator, parseLanguage, translate, translateDynamic } from './translate';

describe('language detection', () => {
  it('picks Russian for Russian and Kazakh systems, English otherwise', () => {
    expect(detectLanguage('ru-RU')).toBe('ru');
    expect(detectLanguage('ru')).toBe('ru');
    expect(detectLanguage('kk-KZ')).toBe('ru');
    expect(detectLanguage('en-US')).toBe('en');
    expect(detectLanguage('de')).toBe('en');
    expect(detectLanguage(undefined)).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });

  it('parses stored codes and refuses unknown ones', () => {
    expect(parseLanguage('RU')).toBe('ru');
    expect(parseLanguage('en-GB')).toBe('en');
    expect(parseLanguage('kk')).toBeNull();
    expect(parseLanguage(42)).toBeNull();
  });
});

describe('translate', () => {
  it('has the same keys in both dictionaries', () => {
    expect(Object.keys(RU).sort()).toEqual(Object.keys(EN).sort());
  });

  it('fills parameters and leaves unknown placeholders alone', () => {
    expect(translate('en', 'sla.overdue', { time: '1 h 12 min' })).toBe('overdue 1 h 12 min');
    expect(translate('ru', 'sla.overdue', { time: '1 ч 12 мин' })).toBe('просрочено 1 ч 12 мин');
    expect(interpolate('en', 'tiles {z}/{x}/{y} for {name}', { name: 'osm' })).toBe('tiles {z}/{x}/{y} for osm');
  });

  it('counts with the language plural forms', () => {
    expect(translate('en', 'queue.count', { n: 1 })).toBe('1 order');
    expect(translate('en', 'queue.count', { n: 2 })).toBe('2 orders');
    expect(translate('en', 'conn.pending', { n: 1 })).toBe('1 pending edit');
    expect(translate('en', 'card.weight', { kg: '5 kg', places: 1 })).toBe('5 kg, 1 place');
  });

  it('falls back to English for a language without a dictionary', () => {
    // A value that slipped past parseLanguage (an old settings file) still shows text.
    expect(translate('kk' as 'ru', 'status.new')).toBe('New');
  });

  it('shows raw values for keys built from data it does not know', () => {
    expect(translateDynamic('ru', 'status.in_transit', 'in_transit')).toBe('В пути');
    expect(translateDynamic('ru', 'status.teleported', 'teleported')).toBe('teleported');
    const t = makeTranslator('en');
    expect(t.dyn('reason.refused', 'refused')).toBe('Recipient refused');
    expect(t.lang).toBe('en');
  });
});

describe('time formatting in the region zone', () => {
  // 2025-11-25T09:05:09Z is 14:05:09 in Almaty (UTC+5).
  const at = Date.UTC(2025, 10, 25, 9, 5, 9);
  const en = makeTranslator('en');
  const ru = makeTranslator('ru');
  const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('shows the UTC+5 wall clock whatever the machine zone, in the language form', () => {
    expect(en.fmt.time(at)).toBe('14:05');
    expect(ru.fmt.dateTime(at)).toBe('25.11.2025, 14:05');
    expect(en.fmt.dateTime(at)).toBe('25/11/2025, 14:05');
    expect(en.fmt.time(Date.UTC(2025, 10, 25, 20, 0))).toBe('01:00');
    expect(ru.fmt.shortDateTime(at, at + 3_600_000)).toBe('14:05');
    expect(ru.fmt.shortDateTime(at, at + 24 * 3_600_000)).toBe('25.11, 14:05');
  });

  it('formats durations with two units at most', () => {
    expect(sp(formatDuration(72 * 60_000, en))).toBe('1 hr 12 mins');
    expect(sp(formatDuration(72 * 60_000, ru))).toBe('1 ч 12 мин');
    expect(sp(formatDuration(-72 * 60_000, en))).toBe('1 hr 12 mins');
    expect(sp(formatDuration(2 * 3_600_000, en))).toBe('2 hrs');
    expect(sp(formatDuration(5 * 60_000 + 59_000, en))).toBe('5 mins');
    expect(sp(formatDuration(45_000, ru))).toBe('45 с');
    expect(sp(formatDuration(52 * 3_600_000, en))).toBe('2 days 4 hrs');
    expect(sp(formatDuration(48 * 3_600_000, ru))).toBe('2 дн.');
  });

  it('formats a ticking timer with seconds under a day', () => {
    expect(formatTimer(3 * 3_600_000 + 7 * 60_000 + 45_000, en)).toBe('3:07:45');
    expect(formatTimer(59_000, en)).toBe('0:00:59');
    expect(formatTimer(-5, en)).toBe('0:00:00');
    expect(sp(formatTimer(30 * 3_600_000, en))).toBe('1 day 6 hrs');
  });
});
