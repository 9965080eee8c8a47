// What a barcode scanner typed, as an order number. Scanners add prefixes/suffixes (STX/ETX,
// CR/LF) or send lower case; labels are printed upper case. The scan box and the scanPick call
// both read a scan through this, so a label the screen accepts is one the call accepts.

/** Longest label kept (our numbers are far shorter; a stuck key can't make a huge one). */
export const MAX_SCANNED_NUMBER_LENGTH = 64;

/** The order number a scan means, or null when nothing usable is left. */
export function cleanScannedNumber(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- scanners may send STX/ETX and other control bytes
  const value = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim().toUpperCase();
  return value.length === 0 || value.length > MAX_SCANNED_NUMBER_LENGTH ? null : value;
}
