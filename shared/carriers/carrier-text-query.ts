// Turns what a logistician types into an FTS5 MATCH expression over the carrier text index
// (name, tax id, phone as written and normalised, contact person, notes). Every word is a
// prefix ("транс" finds "ТрансЛогистик"), tried in both scripts; a number is also tried as a
// phone in canonical form, so "8701 123" and "+7 701 123" find the same carrier.
import { phoneRunTerms } from '../domain/phone-search';
import { looksNumeric, phonePrefixVariants } from './normalize-phone';
import { scriptVariants } from './transliterate';

/** Words shorter than this (letters) are too broad to be prefixes; they are matched whole. */
const MIN_PREFIX_LETTERS = 2;
const MAX_WORDS = 8;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function group(alternatives: string[]): string {
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(${alternatives.join(' OR ')})`;
}

/** null when the text holds nothing searchable (only punctuation, spaces). */
export function buildCarrierMatchQuery(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return null;
  if (looksNumeric(trimmed)) {
    // A phone or tax id, maybe spaced out: one digit run. The index holds tax ids and phones
    // as digit runs (canonical 7..., with 8..., and the 10-digit national number), so a
    // prefix of the run finds them however the number was written.
    // A run of 4+ digits is also looked for anywhere inside a phone (shared/domain/phone-search.ts).
    return group([...phonePrefixVariants(trimmed).map((v) => `${quote(v)}*`), ...phoneRunTerms(trimmed)]);
  }
  const words = trimmed
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const parts = words.map((word) => {
    const isNumber = /^\d+$/.test(word);
    const variants = isNumber ? [...new Set([word, ...phonePrefixVariants(word)])] : scriptVariants(word);
    const prefix = isNumber || word.length >= MIN_PREFIX_LETTERS;
    return group([...variants.map((v) => (prefix ? `${quote(v)}*` : quote(v))), ...(isNumber ? phoneRunTerms(word) : [])]);
  });
  return parts.join(' AND ');
}
