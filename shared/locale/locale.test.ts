import { describe, expect, it } from 'vitest';
import { formatterFor, formatMessage, pluralCategory, pluralForm, parseLocale } from './index';

// ICU versions differ on which no-break space they use; the tests care that it is one.
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const AT = Date.UTC(2026, 11, 2, 4, 5, 7); // 09:05:07 on 2 December 2026 at UTC+5
const ROWS_RU = '{n, plural, one {# строку} few {# строки} many {# строк} other {# строки}}';
const ROWS_EN = '{n, plural, one {# row} other {# rows}}';

describe('plurals', () => {
  it('Russian has three forms that count: 1, 2-4, 5-20, 21, 22, 25, 111', () => {
    const forms = { one: 'заказ', few: 'заказа', many: 'заказов', other: 'заказа' };
    const pick = (n: number) => pluralForm('ru', n, forms);
    expect([1, 2, 4, 5, 11, 20, 21, 22, 25, 111, 1001].map(pick)).toEqual([
      'заказ', 'заказа', 'заказа', 'заказов', 'заказов', 'заказов', 'заказ', 'заказа', 'заказов', 'заказов', 'заказ',
    ]);
    expect(pick(1.5)).toBe('заказа');
  });
  it('English has one and other', () => {
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(pluralForm('en', 2, { one: 'order', other: 'orders' })).toBe('orders');
  });
  it('a missing category falls back to other', () => {
    expect(pluralForm('ru', 5, { one: 'x', other: 'y' })).toBe('y');
  });
});

describe('formatMessage', () => {
  it('chooses the plural form and writes # as the formatted number', () => {
    expect(formatMessage('en', `Import ${ROWS_EN}`, { n: 1 })).toBe('Import 1 row');
    expect(formatMessage('en', `Import ${ROWS_EN}`, { n: 12000 })).toBe('Import 12,000 rows');
    expect(formatMessage('ru', `Импортировать ${ROWS_RU}`, { n: 1 })).toBe('Импортировать 1 строку');
    expect(formatMessage('ru', `Импортировать ${ROWS_RU}`, { n: 3 })).toBe('Импортировать 3 строки');
    expect(formatMessage('ru', `Импортировать ${ROWS_RU}`, { n: 11 })).toBe('Импортировать 11 строк');
    expect(sp(formatMessage('ru', `Импортировать ${ROWS_RU}`, { n: 12000 }))).toBe('Импортировать 12 000 строк');
  });
  it('fills simple placeholders, also inside a plural form, and formats numbers', () => {
    expect(formatMessage('en', '{n, plural, one {# order in {city}} other {# orders in {city}}}', { n: 2, city: 'Almaty' })).toBe(
      '2 orders in Almaty',
    );
    expect(sp(formatMessage('ru', '{a} и {b}', { a: 12345, b: 'x' }))).toBe('12 345 и x');
  });
  it('leaves unknown or malformed placeholders visible', () => {
    expect(formatMessage('en', 'Hi {who}', { n: 1 })).toBe('Hi {who}');
    expect(formatMessage('en', '{n, plural, one {x}}', { n: 1 })).toBe('{n, plural, one {x}}');
    expect(formatMessage('en', 'open {', { n: 1 })).toBe('open {');
    expect(formatMessage('en', '{__proto__} {constructor}', { n: 1 })).toBe('{__proto__} {constructor}');
  });
});

describe('formatter', () => {
  it('writes dates and times in the locale form, 24-hour, in the region clock', () => {
    const ru = formatterFor('ru');
    const en = formatterFor('en');
    expect(ru.date(AT)).toBe('02.12.2026');
    expect(en.date(AT)).toBe('02/12/2026');
    expect(ru.time(AT)).toBe('09:05');
    expect(en.time(AT)).toBe('09:05');
    expect(en.timeSeconds(AT)).toBe('09:05:07');
    expect(ru.dateTime(AT)).toBe('02.12.2026, 09:05');
    expect(en.dateTime(AT)).toBe('02/12/2026, 09:05');
    expect(formatterFor('en', 0).time(AT)).toBe('04:05');
    expect(ru.isoDay('2026-01-07')).toBe('07.01.2026');
    expect(en.isoDay('2026-01-07')).toBe('07/01/2026');
    expect(ru.isoDayShort('2026-01-07')).toBe('07.01');
    expect(en.isoDayShort('2026-01-07')).toBe('07/01');
  });
  it('midnight at the region clock is 00, not 24', () => {
    expect(formatterFor('en').time(Date.UTC(2026, 0, 1, 19, 0))).toBe('00:00');
  });
  it('short date-time drops the date on the same region day', () => {
    const ru = formatterFor('ru');
    expect(ru.shortDateTime(AT, AT + 3600_000)).toBe('09:05');
    expect(ru.shortDateTime(AT, AT + 86_400_000)).toBe('02.12, 09:05');
    // 23:30 UTC is 04:30 the next day in Almaty: same day as 05:00 local.
    expect(ru.shortDateTime(Date.UTC(2026, 0, 1, 23, 30), Date.UTC(2026, 0, 2, 0, 0))).toBe('04:30');
  });
  it('numbers, units and durations follow the locale', () => {
    const ru = formatterFor('ru');
    const en = formatterFor('en');
    expect(sp(ru.number(12345.678))).toBe('12 345,68');
    expect(sp(en.number(12345.678))).toBe('12,345.68');
    expect(sp(ru.fixed(4, 1))).toBe('4,0');
    expect(sp(ru.km(3.25))).toBe('3,3 км');
    expect(sp(en.km(123.4))).toBe('123 km');
    expect(sp(en.m3(82))).toBe('82 m³');
    expect(sp(ru.m3(82.5))).toBe('82,5 м³');
    expect(sp(en.tonnes(20))).toBe('20 t');
    expect(sp(ru.money(450000, 'KZT'))).toBe('450 000 ₸');
    expect(sp(en.money(450000, 'KZT'))).toBe('₸450,000');
    expect(sp(en.money(5, 'бонусы'))).toBe('5 бонусы');
    expect(sp(ru.kg(1200))).toBe('1 200 кг');
    expect(sp(ru.duration(2 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000))).toBe('2 дн. 4 ч');
    expect(sp(en.duration(72 * 60_000))).toBe('1 hr 12 mins');
    expect(sp(en.duration(-45_000))).toBe('45 secs');
    expect(sp(ru.plural(21, { one: '# заказ', few: '# заказа', many: '# заказов', other: '# заказа' }))).toBe('21 заказ');
  });
  it('parses language codes', () => {
    expect(parseLocale('ru-RU')).toBe('ru');
    expect(parseLocale('kk')).toBe('kk');
    expect(parseLocale('de')).toBeNull();
    expect(parseLocale(5)).toBeNull();
  });
});

describe('lists', () => {
  it("joins with the language's own conjunction", () => {
    expect(formatterFor('ru').list(['фото', 'подпись', 'код'])).toBe('фото, подпись и код');
    expect(formatterFor('en').list(['photo', 'signature'])).toBe('photo and signature');
    expect(formatterFor('en').list([])).toBe('');
  });
});
