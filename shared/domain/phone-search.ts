// Finding a phone by any run of its digits, one rule for orders and carriers (issue 13 item 6).
// A person types what they heard or read: "345 39 42", "3453942", "8701 345", "+7 701 345 39 42".
// Full-text prefixes find only the start of a number, so the index also holds every tail of the
// canonical number (normalizePhone) from MIN_PHONE_RUN digits up, each marked with TAIL_MARK:
// a typed run that is a prefix of a tail is a run somewhere inside the number. Only runs of
// MIN_PHONE_RUN digits or more look inside; a shorter number still matches only from the start.
// The replica's index triggers call phoneIndexText through an SQL function (main/db/open-replica.ts).
import { normalizePhone } from '../carriers/normalize-phone';

/**
 * Fewer digits than this match too many numbers to be a search by phone. The replica's carrier
 * index keeps prefixes of this length and of TAIL_MARK + this length (migration 0020): change
 * either, and that migration's prefix list with it.
 */
export const MIN_PHONE_RUN = 4;

/**
 * Letters in front of an indexed tail, so a tail never matches a word or a number typed as a
 * prefix (e.g. "701" must not find "...701..." inside a number). Letters and digits make one
 * full-text token, so "pht3453942" is one term.
 */
export const TAIL_MARK = 'pht';

/** Digits typed with the separators people put in phone numbers: "+7 (701) 345-39-42". */
const PHONE_TYPED = /^[\d\s+()\-.\u00a0]+$/;

function digitsOf(text: string): string {
  // Stryker disable next-line Regex: removing each non-digit or each run of them leaves the same digits
  return text.replace(/\D+/g, '');
}

/**
 * The phone-column text of the full-text index for one stored number: the number as written,
 * its digits in the forms people type from the start (canonical 7..., trunk 8..., national),
 * and the marked tails of the canonical digits.
 */
export function phoneIndexText(phone: string): string {
  const canonical = normalizePhone(phone);
  if (canonical === '') return phone;
  const starts = new Set([digitsOf(phone), canonical]);
  if (canonical.length === 11 && canonical.startsWith('7')) {
    starts.add(`8${canonical.slice(1)}`);
    starts.add(canonical.slice(1));
  }
  const tails: string[] = [];
  for (let i = 0; canonical.length - i >= MIN_PHONE_RUN; i += 1) tails.push(`${TAIL_MARK}${canonical.slice(i)}`);
  return [phone, ...starts, ...tails].join(' ');
}

/**
 * The digit runs to look for inside stored numbers when `typed` is (part of) a phone number:
 * its digits, and with a leading trunk 8 also as 7 ("8701 345" is "7701345"). Empty when the
 * text is not a phone number or has fewer than MIN_PHONE_RUN digits.
 */
export function phoneRuns(typed: string): string[] {
  const t = typed.trim();
  if (!PHONE_TYPED.test(t)) return [];
  const digits = digitsOf(t);
  if (digits.length < MIN_PHONE_RUN) return [];
  return digits.startsWith('8') && !t.startsWith('+') ? [digits, `7${digits.slice(1)}`] : [digits];
}

/** FTS5 alternatives for the runs: each a marked prefix ("pht3453942"*); [] when there are none. */
export function phoneRunTerms(typed: string): string[] {
  return phoneRuns(typed).map((run) => `"${TAIL_MARK}${run}"*`);
}
