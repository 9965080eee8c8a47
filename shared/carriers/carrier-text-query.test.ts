import { describe, expect, it } from 'vitest';
import { buildCarrierMatchQuery } from './carrier-text-query';

describe('buildCarrierMatchQuery', () => {
  it('makes every word a prefix in both scripts', () => {
    expect(buildCarrierMatchQuery('Транс Алм')).toBe('("транс"* OR "trans"*) AND ("алм"* OR "alm"*)');
    expect(buildCarrierMatchQuery('trans')).toBe('("trans"* OR "транс"*)');
  });
  it('tries a typed phone in canonical form and as written', () => {
    // ... and, from 4 digits on, as a run anywhere inside a phone (the marked tails).
    expect(buildCarrierMatchQuery('8 701 123')).toBe('("7701123"* OR "pht8701123"* OR "pht7701123"*)');
    expect(buildCarrierMatchQuery('701 123')).toBe('("701123"* OR "7701123"* OR "pht701123"*)');
    expect(buildCarrierMatchQuery('+7701123')).toBe('("7701123"* OR "pht7701123"*)');
    expect(buildCarrierMatchQuery('701')).toBe('("701"* OR "7701"*)');
  });
  it('escapes quotes and ignores punctuation-only input', () => {
    expect(buildCarrierMatchQuery('"ab')).toBe('("ab"* OR "аб"*)');
    expect(buildCarrierMatchQuery(' -- ')).toBeNull();
    expect(buildCarrierMatchQuery('')).toBeNull();
  });
});
