import { describe, expect, it } from 'vitest';
import { displayPhone, telHref } from './phone-display';

describe('the phone formatter', () => {
  it('writes Kazakh and Russian numbers one way, however they were typed', () => {
    expect(displayPhone('8 (701) 123-45-67')).toBe('+7 701 123 45 67');
    expect(displayPhone('+77011234567')).toBe('+7 701 123 45 67');
    expect(displayPhone('+49 30 1234567')).toBe('+49 30 1234567');
    expect(displayPhone('', '')).toBe('');
  });
  it('dials digits only', () => {
    expect(telHref('77011234567', '8 701 123 45 67')).toBe('tel:+77011234567');
    expect(telHref('', '+49 (30) 1234567')).toBe('tel:+49301234567');
  });
});
