import { describe, expect, it } from 'vitest';
import { displayPhone, telHref } from './phone-display';

describe('the phone formatter', () => {
  it('writes Kazakh and Russian numbers one way, however they were typed', () => {
    expect(displayPhone('8 (701) 123-45-67')).toBe('+7 701 123 45 67');
    expect(displayPhone('+77011234567')).toBe('+7 701 123 45 67');
    expect(displayPhone('+49 30 1234567')).toBe('+49 30 1234567');
    expect(displayPhone('', '')).toBe('');
  });
  it('formats only a whole Kazakh number: a longer one, or a foreign one ending in its digits, is shown as typed', () => {
    expect(displayPhone('+44 77011 234567')).toBe('+44 77011 234567');
    expect(displayPhone('+7 (701) 123-45-678')).toBe('+7 (701) 123-45-678');
  });
  it('dials digits only', () => {
    expect(telHref('77011234567', '8 701 123 45 67')).toBe('tel:+77011234567');
    expect(telHref('', '+49 (30) 1234567')).toBe('tel:+49301234567');
  });
});
