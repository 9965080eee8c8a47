import { describe, expect, it } from 'vitest';
import { toFtsMatchQuery } from './fts-query';

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
    expect(toFtsMatchQuery('+7 701 123')).toBe('"7701123"* OR ("+7" "701"* "123"*)');
    expect(toFtsMatchQuery('87011234567')).toBe('"87011234567"*');
    expect(toFtsMatchQuery('8 (701) 123-45-67')).toBe('"87011234567"* OR ("8" "(701)"* "123-45-67"*)');
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
