// Tax ids of carriers: the Kazakh BIN/IIN (12 digits) and the Russian INN (10 digits for a
// company, 12 for an individual). Both end in check digits, so a mistyped digit is caught at
// import instead of creating a second, unfindable carrier.

const BIN_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const BIN_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weighted(digits: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0);
}

/** The BIN/IIN check digit for the first 11 digits, or null when no check digit exists. */
export function binCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  let c = weighted(d, BIN_WEIGHTS_1) % 11;
  if (c === 10) c = weighted(d, BIN_WEIGHTS_2) % 11;
  return c === 10 ? null : c;
}

/** The check digit of a Russian company INN (10 digits) for its first 9 digits. */
export function inn10CheckDigit(first9: string): number {
  return (weighted([...first9].map(Number), INN10_WEIGHTS) % 11) % 10;
}

function isValidBin(d: number[]): boolean {
  return binCheckDigit(d.slice(0, 11).join('')) === d[11];
}

function isValidInn(d: number[]): boolean {
  if (d.length === 10) return inn10CheckDigit(d.slice(0, 9).join('')) === d[9];
  return (weighted(d, INN12_WEIGHTS_1) % 11) % 10 === d[10] && (weighted(d, INN12_WEIGHTS_2) % 11) % 10 === d[11];
}

/** Spaces and dashes people put in long numbers. */
export function cleanTaxId(raw: string): string {
  return raw.replace(/[\s-]+/g, '');
}

export type TaxIdCheck = { ok: true; value: string } | { ok: false; reason: 'format' | 'checksum' };

/** Validates a BIN/IIN or INN (after cleaning); the value returned is the cleaned form. */
export function checkTaxId(raw: string): TaxIdCheck {
  const value = cleanTaxId(raw);
  if (!/^\d{10}$|^\d{12}$/.test(value)) return { ok: false, reason: 'format' };
  const d = [...value].map(Number);
  const ok = value.length === 10 ? isValidInn(d) : isValidBin(d) || isValidInn(d);
  return ok ? { ok: true, value } : { ok: false, reason: 'checksum' };
}

/**
 * A spreadsheet cell typed as a number drops a tax id's leading zeros (051240007770 becomes
 * 51240007770). Given digits only and too few of them, pads with zeros to 10 (INN) and then 12
 * (BIN/IIN, INN) digits and keeps the first padding whose check digits agree: a mistyped id is
 * still refused, since a random string passes a check digit only by chance.
 */
export function checkSpreadsheetTaxId(raw: string): TaxIdCheck {
  const direct = checkTaxId(raw);
  const value = cleanTaxId(raw);
  if (direct.ok || !/^\d{1,11}$/.test(value)) return direct;
  for (const width of [10, 12]) {
    if (value.length >= width) continue;
    const padded = checkTaxId(value.padStart(width, '0'));
    if (padded.ok) return padded;
  }
  return direct;
}
