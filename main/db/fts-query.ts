// Turns what a user typed into a safe FTS5 MATCH expression. User text is never passed to
// MATCH as is: quotes, parentheses, NEAR, column filters and AND/OR/NOT would be syntax.
import { phoneRunTerms } from '../../shared/domain/phone-search';

/** Longest input we bother with; the rest of a pasted paragraph is ignored. */
const MAX_INPUT = 200;
const MAX_TOKENS = 8;

/** Spaces, plus and the separators people put in phone numbers: "+7 (701) 123-45-67". */
const PHONE_LIKE = /^[\d\s+()\-.\u00a0]+$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_RUNS = /[\p{L}\p{N}]+/gu;

/**
 * One quoted prefix phrase: FTS5 tokenizes inside the quotes, so "MR-1002"* is "mr" then "1002"*.
 * When the last word is a single character ("а", "+7", "MR-1") it is matched whole: as a prefix
 * it would merge the doclists of every term starting with it, a whole alphabet's worth of work
 * per keystroke that finds nothing useful. The prefix index covers two characters and up.
 */
function prefixPhrase(token: string): string {
  const quoted = `"${token.replace(/"/g, '""')}"`;
  const words = token.match(WORD_RUNS) ?? [];
  return (words[words.length - 1]?.length ?? 0) < 2 ? quoted : `${quoted}*`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Control characters (NUL included) as spaces, lone surrogates as U+FFFD. */
export function searchableText(text: string): string {
  let out = '';
  for (const ch of text.replace(LONE_SURROGATE, '\uFFFD')) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? ' ' : ch;
  }
  return out;
}

/**
 * `"tok1"* "tok2"*` (every token must match as a prefix), or null when the text has nothing
 * searchable. Text that looks like a phone is also tried as one run of digits, because the
 * index stores phones as digit runs ("+7 701 123 45 67" -> 77011234567, 87011234567, 7011234567).
 */
export function toFtsMatchQuery(text: string): string | null {
  // FTS5 ends a quoted string at a NUL ("unterminated string") and control characters are
  // never part of a word: both become spaces. Lone surrogates become U+FFFD, as SQLite would.
  const clean = searchableText(text.slice(0, MAX_INPUT));
  const trimmed = clean.trim();
  if (trimmed === '') return null;
  const tokens = trimmed
    .split(/\s+/)
    .filter((t) => HAS_WORD_CHAR.test(t))
    .slice(0, MAX_TOKENS);
  if (tokens.length === 0) return null;
  const words = tokens.map(prefixPhrase).join(' ');
  if (PHONE_LIKE.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length === 0) return words;
    // The digits from the start of a number (or an order number), or as a run anywhere inside
    // a phone (shared/domain/phone-search.ts).
    const runs = [prefixPhrase(digits), ...phoneRunTerms(trimmed)].join(' OR ');
    return tokens.length === 1 && tokens[0] === digits ? runs : `${runs} OR (${words})`;
  }
  return words;
}
