import { describe, expect, it } from 'vitest';
import { looksNumeric, normalizePhone, phonePrefixVariants } from './normalize-phone';

describe('normalizePhone', () => {
  it('turns every way of writing a Kazakh mobile number into one form', () => {
    for (const raw of ['+7 701 123 45 67', '8 (701) 123-45-67', '87011234567', '7011234567', '+7(701)1234567']) {
      expect(normalizePhone(raw)).toBe('77011234567');
    }
  });
  it('keeps foreign numbers and short numbers as digits', () => {
    expect(normalizePhone('+998 90 123 45 67')).toBe('998901234567');
    expect(normalizePhone('12-34')).toBe('1234');
    expect(normalizePhone('нет')).toBe('');
  });
});

describe('phonePrefixVariants', () => {
  it('maps a trunk 8 to 7 and adds the country code a person left off', () => {
    expect(phonePrefixVariants('8701')).toEqual(['7701']);
    expect(phonePrefixVariants('+7 701')).toEqual(['7701']);
    expect(phonePrefixVariants('701 12')).toEqual(['70112', '770112']);
    expect(phonePrefixVariants('')).toEqual([]);
  });
});

describe('looksNumeric', () => {
  it('recognises phone and tax id fragments but not names', () => {
    expect(looksNumeric('+7 (701) 12')).toBe(true);
    expect(looksNumeric('990340001234')).toBe(true);
    expect(looksNumeric('ТрансЛогистик')).toBe(false);
    expect(looksNumeric('  ')).toBe(false);
  });
});
