import { describe, expect, it } from 'vitest';
import { binCheckDigit, checkTaxId } from './tax-id';

describe('checkTaxId', () => {
  it('accepts a BIN with its check digit, spaced or not', () => {
    const first11 = '99034000123';
    const bin = `${first11}${binCheckDigit(first11)}`;
    expect(checkTaxId(bin)).toEqual({ ok: true, value: bin });
    expect(checkTaxId(`${bin.slice(0, 6)} ${bin.slice(6)}`)).toEqual({ ok: true, value: bin });
  });
  it('accepts Russian INNs of companies and individuals', () => {
    expect(checkTaxId('7707083893').ok).toBe(true); // a well-known company INN
    expect(checkTaxId('500100732259').ok).toBe(true); // a valid individual INN
  });
  it('rejects a mistyped digit and a wrong length with the reason', () => {
    expect(checkTaxId('7707083894')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkTaxId('12345')).toEqual({ ok: false, reason: 'format' });
    expect(checkTaxId('12345678901a')).toEqual({ ok: false, reason: 'format' });
  });
});
