import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchableText, toFtsMatchQuery } from './fts-query';

describe('toFtsMatchQuery', () => {
  it('makes every word a quoted prefix', () => {
    expect(toFtsMatchQuery('асель  Жума')).toBe('"асель"* "Жума"*');
    expect(toFtsMatchQuery('MR-1002')).toBe('"MR-1002"*');
  });

  it('escapes quotes and neutralises FTS syntax', () => {
    expect(toFtsMatchQuery('say "hi"')).toBe('"say"* """hi"""*');
    expect(toFtsMatchQuery('ab OR cd')).toBe('"ab"* "OR"* "cd"*');
    expect(toFtsMatchQuery('number:55')).toBe('"number:55"*');
  });

  it('returns null when there is nothing to search', () => {
    for (const t of ['', '   ', '"', '() -', '*']) expect(toFtsMatchQuery(t), t).toBeNull();
  });

  it('tries phone-looking text as one digit run and as separate groups', () => {
    // From 4 digits on, also as a run anywhere inside a phone (shared/domain/phone-search.ts).
    expect(toFtsMatchQuery('+7 701 123')).toBe('"7701123"* OR "pht7701123"* OR ("+7" "701"* "123"*)');
    expect(toFtsMatchQuery('87011234567')).toBe('"87011234567"* OR "pht87011234567"* OR "pht77011234567"*');
    expect(toFtsMatchQuery('8 (701) 123-45-67')).toBe('"87011234567"* OR "pht87011234567"* OR "pht77011234567"* OR ("8" "(701)"* "123-45-67"*)');
    expect(toFtsMatchQuery('701')).toBe('"701"*');
  });

  it('matches a last word of one character whole, not as a prefix', () => {
    expect(toFtsMatchQuery('а')).toBe('"а"');
    expect(toFtsMatchQuery('MR-1')).toBe('"MR-1"');
    expect(toFtsMatchQuery('MR-')).toBe('"MR-"*');
    expect(toFtsMatchQuery('ул. Абая 5')).toBe('"ул."* "Абая"* "5"');
  });

  it('caps the number of words', () => {
    const q = toFtsMatchQuery('a b c d e f g h i j k');
    expect(q?.split(' ')).toHaveLength(8);
  });
});

describe('toFtsMatchQuery against a real FTS5 table', () => {
  // Same tokenizer as the replica's search tables.
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')");
  for (const body of ['Асель Жумабаева MR-1002', 'say hi', 'NEAR the warehouse', 'OR gate 77011234567']) db.prepare('INSERT INTO t (body) VALUES (?)').run(body);
  const search = (text: string): string[] => {
    const q = toFtsMatchQuery(text);
    return q === null ? [] : (db.prepare('SELECT body FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(q) as string[]);
  };

  it('a NUL byte, quotes and FTS syntax never throw', () => {
    for (const text of ['ab\u0000cd', '\u0000', 'MR\u0000-1002', '"', 'NEAR(', 'a OR b', '-x', '^a', '*', 'body:x', '\ud800', 'a\udfffb']) {
      expect(() => search(text), JSON.stringify(text)).not.toThrow();
    }
    expect(search('Асель\u0000')).toEqual(['Асель Жумабаева MR-1002']);
  });

  it('never throws on arbitrary strings, and every row found holds each word typed', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('\u0000', '"', '*', 'NEAR(', 'OR', '-', '^', ':', '(', ')', '\ud800', 'ас', 'say', 'MR'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join(' ')), (text) => {
        const rows = search(text);
        // Never widens: a row matches only if it holds every searched word as a prefix.
        const words = (toFtsMatchQuery(text) === null ? [] : (searchableText(text).match(/[\p{L}\p{N}]+/gu) ?? [])).map((w) => w.toLowerCase());
        const isPhone = /^[\d\s+()\-.\u00a0]+$/.test(text.trim());
        return isPhone || rows.every((r) => words.every((w) => r.toLowerCase().includes(w) || w.length > 200));
      }),
      { numRuns: 300 },
    );
  });
});
