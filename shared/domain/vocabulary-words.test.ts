// Every status, sub-mark, reason and service has a word in each language (never its code), and
// keyedWords lays them out as dictionary entries.
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, PROBLEM_REASONS, SERVICE_TYPES, SUB_MARKS } from './vocabulary';
import { keyedWords, REASON_WORDS, SERVICE_WORDS, STATUS_WORDS, SUB_MARK_WORDS } from './vocabulary-words';

describe('vocabulary words', () => {
  it.each([
    ['status', ORDER_STATUSES, STATUS_WORDS],
    ['sub-mark', SUB_MARKS, SUB_MARK_WORDS],
    ['reason', PROBLEM_REASONS, REASON_WORDS],
    ['service', SERVICE_TYPES, SERVICE_WORDS],
  ] as const)('every %s is named in Russian and English, not by its code', (_, codes, words) => {
    for (const lang of ['ru', 'en'] as const) {
      const named = words[lang] as Readonly<Record<string, string>>;
      expect(Object.keys(named).sort()).toEqual([...codes].sort());
      for (const c of codes) expect(named[c]).not.toMatch(/^$|_/);
    }
    expect(words.ru).not.toEqual(words.en);
  });

  it('lays words out as dictionary entries under a prefix', () => {
    expect(keyedWords('status', { new: 'New', closed: 'Closed' })).toEqual({ 'status.new': 'New', 'status.closed': 'Closed' });
  });
});
