import { describe, expect, it } from 'vitest';
import { binCheckDigit, checkSpreadsheetTaxId, checkTaxId } from './tax-id';

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

describe('checkSpreadsheetTaxId', () => {
  const bin = (first11: string): string => `${first11}${binCheckDigit(first11)}`;
  it('restores the leading zeros a numeric cell dropped, when the check digit agrees', () => {
    const withZero = bin('05124000777');
    expect(withZero.startsWith('0')).toBe(true);
    expect(checkSpreadsheetTaxId(String(Number(withZero)))).toEqual({ ok: true, value: withZero });
    const twoZeros = bin('00555000111'); // 10 digits once stripped, and no valid INN as such
    expect(checkSpreadsheetTaxId(String(Number(twoZeros)))).toEqual({ ok: true, value: twoZeros });
    expect(checkSpreadsheetTaxId('707083893')).toEqual({ ok: false, reason: 'format' }); // no zero-led INN fits
    expect(checkSpreadsheetTaxId(String(Number('0274062111')))).toEqual({ ok: true, value: '0274062111' }); // INN10 with a zero
  });
  it('still refuses a mistyped id, and leaves full-length ids to checkTaxId', () => {
    const withZero = bin('05124000777');
    // A typo in the zero-less form is refused like any other (a check digit catches most,
    // though not all, single-digit typos: 51240007789 happens to pass as a BIN).
    const typo = `6${withZero.slice(2)}`;
    expect(checkSpreadsheetTaxId(typo).ok).toBe(false);
    expect(checkSpreadsheetTaxId('7707083894')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkSpreadsheetTaxId('12a')).toEqual({ ok: false, reason: 'format' });
    expect(checkSpreadsheetTaxId(withZero)).toEqual({ ok: true, value: withZero });
  });
});
