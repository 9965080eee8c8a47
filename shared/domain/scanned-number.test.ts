// What a scan means as an order number: the scan box and scanPick both read scans through
// cleanScannedNumber, so these are the rules a warehouse scanner meets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCANNED_NUMBER_LENGTH, cleanScannedNumber } from './scanned-number';

const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), '\u007f'];

describe('cleanScannedNumber', () => {
  it('reads a lower-case scan with the scanner’s STX/ETX and CR/LF as the printed label', () => {
    expect(cleanScannedNumber('\u0002mr-20260303-0001\u0003\r\n')).toBe('MR-20260303-0001');
    expect(cleanScannedNumber('  MR-1\t')).toBe('MR-1');
  });

  it('drops every control byte (0x00-0x1f and DEL) wherever it is, and keeps what is printable', () => {
    expect(cleanScannedNumber(`M${CONTROLS.join('')}R-1`)).toBe('MR-1');
    for (const c of CONTROLS) expect(cleanScannedNumber(`${c}a${c}b${c}`)).toBe('AB');
    // The first and last printable characters around the control range stay, inside a number too.
    expect(cleanScannedNumber('mr 1~!')).toBe('MR 1~!');
  });

  it('refuses a scan with nothing usable left', () => {
    for (const raw of ['', '   ', '\r\n', CONTROLS.join(''), ' \u0002 \u0003 ']) expect(cleanScannedNumber(raw)).toBeNull();
  });

  it(`keeps a label of ${MAX_SCANNED_NUMBER_LENGTH} characters and refuses one longer (a stuck key)`, () => {
    expect(MAX_SCANNED_NUMBER_LENGTH).toBe(64);
    expect(cleanScannedNumber('a'.repeat(64))).toBe('A'.repeat(64));
    expect(cleanScannedNumber(`\u0002${'a'.repeat(64)}\r\n`)).toBe('A'.repeat(64));
    expect(cleanScannedNumber('a'.repeat(65))).toBeNull();
    expect(cleanScannedNumber('1')).toBe('1');
  });

  it('gives a clean label back unchanged, and a cleaned one stays clean', () => {
    const label = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,62}[A-Z0-9]$/);
    fc.assert(fc.property(label, (l) => cleanScannedNumber(l) === l));
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const once = cleanScannedNumber(raw);
        return once === null || cleanScannedNumber(once) === once;
      }),
    );
  });
});
