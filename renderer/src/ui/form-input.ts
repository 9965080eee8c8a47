// Turning what people type into values, for every form that takes amounts, coordinates and a
// delivery window (the new-order form, the card's edit dialog): one reading of "4,5" and one
// conversion of the region's wall clock to instants.
import { localInstant, parseAmountInput } from '../../../shared/locale/parse-input';

/** "4,5", "4.5", "1 200": a number as people type it; undefined for nothing; NaN for not a number. */
export const parseAmount = parseAmountInput;

/** Coordinates with at most 6 decimals (about 10 cm): what the form shows after a pick or a drag. */
export function coordText(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** The window's instants: the region's wall clock (a fixed UTC offset) to UTC milliseconds. */
export function windowInstants(day: string, from: number, to: number, offsetMinutes: number): { start: number; end: number } | null {
  const midnight = localInstant(day, 0, offsetMinutes);
  if (midnight === null) return null;
  return { start: midnight + from * 60_000, end: midnight + to * 60_000 };
}

/** The inverse of windowInstants: the day (yyyy-mm-dd) and minutes after midnight in the region's clock. */
export function windowParts(start: number, end: number, offsetMinutes: number): { day: string; from: number; to: number } {
  const local = start + offsetMinutes * 60_000;
  const day = new Date(local).toISOString().slice(0, 10);
  const midnight = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - offsetMinutes * 60_000;
  return { day, from: Math.round((start - midnight) / 60_000), to: Math.round((end - midnight) / 60_000) };
}
